package org.srstudio.ui.inputs;

import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import org.srstudio.ui.common.StudioStyles;

/**
 * Makes a whole node (the window's root) a drop target for files and folders. The Dragboard is converted to a
 * {@link DropInput} here and nowhere else, so tests drive {@link InputsViewModel#acceptDrop} with the same input.
 */
public final class InputDropTarget {
    private InputDropTarget() {
    }

    public static void install(Node target, InputsViewModel viewModel) {
        target.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasUrl()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                target.pseudoClassStateChanged(StudioStyles.DRAG_ACTIVE, true);
            }
        });
        target.addEventFilter(DragEvent.DRAG_EXITED, e -> target.pseudoClassStateChanged(StudioStyles.DRAG_ACTIVE, false));
        target.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            DropInput drop = fromClipboard(e.getDragboard());
            target.pseudoClassStateChanged(StudioStyles.DRAG_ACTIVE, false);
            viewModel.acceptDrop(drop);
            e.setDropCompleted(!drop.isEmpty());
            e.consume();
        });
    }

    /** What a Dragboard or the system clipboard carries, as a {@link DropInput}. */
    public static DropInput fromClipboard(Clipboard board) {
        List<File> files = board.hasFiles() ? board.getFiles() : List.of();
        Optional<String> url = board.hasUrl() ? Optional.of(board.getUrl())
                : board.hasString() ? Optional.of(board.getString()) : Optional.empty();
        return new DropInput(files.stream().map(File::toPath).toList(), url);
    }
}
