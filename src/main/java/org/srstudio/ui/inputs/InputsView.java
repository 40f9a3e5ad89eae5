package org.srstudio.ui.inputs;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;

/** The inputs section: header with Open/Folder/Paste, and the list of inputs with thumbnails. */
public final class InputsView extends VBox {
    private final InputsViewModel viewModel;
    private final ListView<InputItem> list = new ListView<>();

    public InputsView(InputsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(StudioStyles.SECTION);
        setSpacing(8);

        Label title = new Label("Inputs");
        title.getStyleClass().add(StudioStyles.SECTION_TITLE);
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.size(viewModel.items()).asString());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = iconButton(Material2OutlinedAL.ADD_PHOTO_ALTERNATE, "Open images… (Ctrl+O)");
        open.setId("open-inputs");
        open.setOnAction(e -> openFiles());
        Button folder = iconButton(Material2OutlinedAL.FOLDER_OPEN, "Open a folder (recursively)");
        folder.setOnAction(e -> openFolder());
        Button paste = iconButton(Material2OutlinedAL.CONTENT_PASTE, "Paste images or files (Ctrl+V)");
        paste.setOnAction(e -> paste());
        HBox header = new HBox(6, title, count, spacer, open, folder, paste);
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("inputs-list");
        list.setItems(viewModel.items());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new InputCell());
        list.setPlaceholder(placeholder());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, item) -> {
            if (item != null && list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().clearAndSelect(list.getItems().indexOf(item));
            }
        });
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<InputItem>) c ->
                viewModel.chosen().setAll(List.copyOf(list.getSelectionModel().getSelectedItems())));
        MenuItem remove = new MenuItem("Remove", Icons.of(Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE));
        remove.setOnAction(e -> List.copyOf(list.getSelectionModel().getSelectedItems()).forEach(viewModel::remove));
        list.setContextMenu(new ContextMenu(remove));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
    }

    public void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open images");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif", "*.tif",
                        "*.tiff", "*.webp"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            viewModel.add(files.stream().map(File::toPath).toList());
        }
    }

    public void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.add(List.of(dir.toPath()));
        }
    }

    /** Ctrl+V: files on the clipboard are added; a bitmap is saved as a PNG first. */
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles() || clipboard.hasUrl()) {
            viewModel.acceptDrop(InputDropTarget.fromClipboard(clipboard));
        } else if (clipboard.hasImage()) {
            viewModel.pasteImage(clipboard.getImage());
        }
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static VBox placeholder() {
        Label icon = new Label(null, Icons.of(Material2AL.ADD_PHOTO_ALTERNATE, "placeholder-icon"));
        Label text = new Label("Drop images or folders anywhere,\nor paste with Ctrl+V");
        text.getStyleClass().add(StudioStyles.DROP_HINT);
        VBox box = new VBox(8, icon, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static final class InputCell extends ListCell<InputItem> {
        private final ImageView thumb = new ImageView();
        private final StackPane thumbBox = new StackPane(thumb);
        private final Label name = new Label();
        private final Label details = new Label();
        private final HBox root;

        InputCell() {
            thumb.setFitWidth(InputsViewModel.THUMBNAIL_SIDE);
            thumb.setFitHeight(InputsViewModel.THUMBNAIL_SIDE - 16);
            thumb.setPreserveRatio(true);
            thumb.setSmooth(true);
            thumbBox.getStyleClass().add(StudioStyles.THUMBNAIL);
            thumbBox.setMinSize(InputsViewModel.THUMBNAIL_SIDE, InputsViewModel.THUMBNAIL_SIDE - 16);
            thumbBox.setMaxSize(InputsViewModel.THUMBNAIL_SIDE, InputsViewModel.THUMBNAIL_SIDE - 16);
            name.getStyleClass().add(Styles.TEXT_BOLD);
            details.getStyleClass().add(Styles.TEXT_SMALL);
            details.setWrapText(true);
            VBox text = new VBox(2, name, details);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            root = new HBox(10, thumbBox, text);
            root.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add(StudioStyles.INPUT_CELL);
            setPrefWidth(0); // cells follow the list's width instead of widening it to their text
        }

        @Override
        protected void updateItem(InputItem item, boolean empty) {
            super.updateItem(item, empty);
            thumb.imageProperty().unbind();
            details.textProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                pseudoClassStateChanged(StudioStyles.FAILED, false);
                return;
            }
            name.setText(item.name());
            thumb.imageProperty().bind(item.thumbnailProperty());
            details.textProperty().bind(item.detailsProperty());
            pseudoClassStateChanged(StudioStyles.FAILED, item.error() != null);
            item.errorProperty().addListener((obs, o, n) -> {
                if (getItem() == item) {
                    pseudoClassStateChanged(StudioStyles.FAILED, n != null);
                }
            });
            setTooltip(new Tooltip(item.path().toString()));
            setGraphic(root);
        }
    }
}
