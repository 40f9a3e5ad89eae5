package org.srstudio.ui.queue;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.srstudio.core.job.JobState;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;

/** The job queue: one row per job with progress (step/tile, time left), cancel, retry and the error sentence. */
public final class QueueView extends VBox {
    public QueueView(QueueViewModel vm) {
        getStyleClass().add(StudioStyles.SECTION);
        setSpacing(8);
        Label title = new Label("Queue");
        title.getStyleClass().add(StudioStyles.SECTION_TITLE);
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancelAll = iconButton(Material2OutlinedMZ.STOP_CIRCLE, "Cancel every queued and running job");
        cancelAll.setOnAction(e -> vm.cancelAll());
        cancelAll.disableProperty().bind(vm.busyProperty().not());
        Button clear = iconButton(Material2OutlinedAL.CLEAR_ALL, "Remove finished jobs from the list");
        clear.setOnAction(e -> vm.clearFinished());
        HBox header = new HBox(6, title, summary, spacer, cancelAll, clear);
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<JobItemViewModel> list = new ListView<>(vm.items());
        list.setId("queue-list");
        list.setCellFactory(v -> new JobCell(vm));
        Label empty = new Label("Pick models, then Run (Ctrl+Enter)");
        empty.getStyleClass().add(StudioStyles.DROP_HINT);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static final class JobCell extends ListCell<JobItemViewModel> {
        private final QueueViewModel vm;
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Label error = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel = iconButton(Material2OutlinedAL.CLOSE, "Cancel this job");
        private final Button retry = iconButton(Material2OutlinedMZ.REPLAY, "Run this job again");
        private final VBox root;

        JobCell(QueueViewModel vm) {
            this.vm = vm;
            getStyleClass().add(StudioStyles.QUEUE_CELL);
            setPrefWidth(0); // cells follow the list's width instead of widening it to their text
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.setMinWidth(0);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            error.getStyleClass().add(StudioStyles.ERROR_TEXT);
            error.setWrapText(true);
            error.managedProperty().bind(error.visibleProperty());
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setMinHeight(6);
            bar.getStyleClass().add("job-progress");
            cancel.getStyleClass().add("job-cancel");
            retry.getStyleClass().add("job-retry");
            cancel.managedProperty().bind(cancel.visibleProperty());
            retry.managedProperty().bind(retry.visibleProperty());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(6, title, spacer, cancel, retry);
            top.setAlignment(Pos.CENTER_LEFT);
            root = new VBox(4, top, bar, detail, error);
            // A cell lays its graphic out at the graphic's preferred width; make that the cell's width.
            root.prefWidthProperty().bind(widthProperty().subtract(24));
            root.maxWidthProperty().bind(widthProperty().subtract(24));
            root.setMinWidth(0);
            root.setFillWidth(true);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(JobItemViewModel item, boolean empty) {
            super.updateItem(item, empty);
            detail.textProperty().unbind();
            error.textProperty().unbind();
            error.visibleProperty().unbind();
            bar.progressProperty().unbind();
            cancel.visibleProperty().unbind();
            retry.visibleProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.title());
            detail.textProperty().bind(item.detailProperty());
            error.textProperty().bind(item.errorProperty());
            error.visibleProperty().bind(item.errorProperty().isNotNull());
            bar.progressProperty().bind(Bindings.createDoubleBinding(() -> switch (item.state()) {
                case QUEUED -> 0.0;
                case RUNNING -> item.fractionProperty().get() < 0 ? ProgressBar.INDETERMINATE_PROGRESS
                        : item.fractionProperty().get();
                default -> item.state() == JobState.FINISHED ? 1.0 : Math.max(0, item.fractionProperty().get());
            }, item.stateProperty(), item.fractionProperty()));
            cancel.visibleProperty().bind(item.cancellableProperty());
            retry.visibleProperty().bind(item.retryableProperty());
            cancel.setOnAction(e -> vm.cancel(item));
            retry.setOnAction(e -> vm.retry(item));
            updateState(item.state());
            item.stateProperty().addListener((obs, o, n) -> {
                if (getItem() == item) {
                    updateState(n);
                }
            });
            setGraphic(root);
        }

        private void updateState(JobState state) {
            pseudoClassStateChanged(StudioStyles.RUNNING, state == JobState.RUNNING);
            pseudoClassStateChanged(StudioStyles.FINISHED, state == JobState.FINISHED);
            pseudoClassStateChanged(StudioStyles.FAILED, state == JobState.FAILED);
            pseudoClassStateChanged(StudioStyles.CANCELLED, state == JobState.CANCELLED);
        }
    }
}
