package org.srstudio.ui.scores;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;

/** The scores table: sortable, best value per metric highlighted, copyable as CSV. */
public final class ScoresView extends VBox {
    private static final javafx.css.PseudoClass NOTE = javafx.css.PseudoClass.getPseudoClass("note");
    private final TableView<ScoreRowViewModel> table = new TableView<>();

    public ScoresView(ScoresViewModel vm) {
        getStyleClass().add(StudioStyles.SECTION);
        setSpacing(6);
        Label title = new Label("Scores");
        title.getStyleClass().add(StudioStyles.SECTION_TITLE);
        Label hint = new Label(vm.metrics().isEmpty() ? "No quality metrics are available in this build."
                : "Best value per column is highlighted. Scores are aids, not verdicts.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button("Copy CSV", Icons.of(Material2OutlinedAL.CONTENT_COPY));
        copy.setId("copy-csv");
        copy.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the table as CSV"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.toCsv());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label scope = new Label();
        scope.setId("scores-scope");
        scope.getStyleClass().add(Styles.TEXT_SMALL);
        scope.textProperty().bind(vm.scopeProperty());
        HBox header = new HBox(8, title, hint, spacer, scope, copy);
        header.setAlignment(Pos.CENTER_LEFT);

        table.setId("scores-table");
        table.getStyleClass().addAll(StudioStyles.SCORES_TABLE, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Results and their scores appear here."));

        TableColumn<ScoreRowViewModel, String> variant = new TableColumn<>("Variant");
        variant.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        variant.setPrefWidth(220);
        TableColumn<ScoreRowViewModel, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sizeLabel()));
        size.setPrefWidth(110);
        TableColumn<ScoreRowViewModel, Long> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().runMillis() < 0 ? null : c.getValue().runMillis()));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long ms, boolean empty) {
                super.updateItem(ms, empty);
                setText(empty || ms == null ? null : ms < 1000 ? ms + " ms"
                        : String.format(Locale.ROOT, "%.1f s", ms / 1000.0));
            }
        });
        time.setPrefWidth(80);
        table.getColumns().add(variant);
        table.getColumns().add(size);
        table.getColumns().add(time);
        for (MetricInfo m : vm.metrics()) {
            table.getColumns().add(metricColumn(vm, m));
        }
        TableColumn<ScoreRowViewModel, String> status = new TableColumn<>("");
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setSortable(false);
        table.getColumns().add(status);
        vm.bestProperty().addListener((obs, o, n) -> table.refresh());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, table);
    }

    /** A metric cell: the score, or the sentence saying why there is none. */
    private record MetricCell(Double value, String note) {
        static final java.util.Comparator<MetricCell> BY_VALUE = java.util.Comparator.comparing(MetricCell::value,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    }

    private static TableColumn<ScoreRowViewModel, MetricCell> metricColumn(ScoresViewModel vm, MetricInfo m) {
        TableColumn<ScoreRowViewModel, MetricCell> col = new TableColumn<>(m.label() + (m.higherIsBetter() ? " ↑" : " ↓"));
        col.setId("metric-" + m.key());
        col.setCellValueFactory(c -> {
            ScoreRowViewModel row = c.getValue();
            return Bindings.createObjectBinding(() -> new MetricCell(row.scores().get(m.key()), row.notes().get(m.key())),
                    row.scores(), row.notes());
        });
        col.setComparator(MetricCell.BY_VALUE);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(MetricCell cell, boolean empty) {
                super.updateItem(cell, empty);
                ScoreRowViewModel row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                Double value = empty || cell == null ? null : cell.value();
                String note = empty || cell == null ? null : cell.note();
                setText(value != null ? String.format(Locale.ROOT, "%." + m.decimals() + "f", value) : note);
                setTooltip(note == null ? null : new Tooltip(note));
                pseudoClassStateChanged(StudioStyles.BEST, row != null && value != null && vm.isBest(m.key(), row));
                pseudoClassStateChanged(NOTE, note != null && value == null);
            }
        });
        col.setPrefWidth(90);
        col.getStyleClass().add("metric-column");
        return col;
    }
}
