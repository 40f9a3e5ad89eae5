package org.srstudio.ui.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.StudioException;
import org.srstudio.ui.common.ImageFacts;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.common.UiImageLoader;

class InputsViewModelTest {
    @TempDir
    Path dir;

    /** Reads "images" whose content is "WxH"; anything else is unreadable. */
    private static final UiImageLoader TEXT_LOADER = new UiImageLoader() {
        @Override
        public ImageFacts probe(Path file) throws StudioException {
            try {
                String[] wh = Files.readString(file).strip().split("x");
                return new ImageFacts(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), "png", Files.size(file));
            } catch (Exception e) {
                throw new StudioException(file.getFileName() + " is not an image format SR Studio can read.");
            }
        }

        @Override
        public Image load(Path file, int maxSide) {
            return null;
        }
    };

    private InputsViewModel vm() {
        return new InputsViewModel(TEXT_LOADER, Runnable::run, UiDispatcher.DIRECT, dir.resolve("pasted"));
    }

    @Test
    void droppedFolderIsWalkedRecursivelySkippingHiddenAndNonImages() throws Exception {
        Files.createDirectories(dir.resolve("set/sub"));
        Files.createDirectories(dir.resolve("set/.cache"));
        Files.writeString(dir.resolve("set/b.png"), "4x4");
        Files.writeString(dir.resolve("set/sub/a.jpg"), "8x8");
        Files.writeString(dir.resolve("set/.cache/c.png"), "2x2");
        Files.writeString(dir.resolve("set/notes.txt"), "hello");
        InputsViewModel vm = vm();
        vm.acceptDrop(DropInput.ofFiles(List.of(dir.resolve("set"))));
        assertThat(vm.items()).extracting(InputItem::name).containsExactly("b.png", "a.jpg");
        assertThat(vm.selected().name()).isEqualTo("b.png");
        assertThat(vm.items().get(1).detailsProperty().get()).startsWith("8 × 8 · PNG");
    }

    @Test
    void aDroppedImageIsSelectedEvenWhenAnotherInputIsOnScreen() throws Exception {
        Files.writeString(dir.resolve("first.png"), "4x4");
        Files.writeString(dir.resolve("second.png"), "8x8");
        Files.writeString(dir.resolve("third.png"), "2x2");
        InputsViewModel vm = vm();
        vm.add(List.of(dir.resolve("first.png")));
        vm.acceptDrop(DropInput.ofFiles(List.of(dir.resolve("second.png"), dir.resolve("third.png"))));
        assertThat(vm.selected().name()).isEqualTo("second.png");
        // Dropping one that is already listed shows it again rather than adding it twice.
        vm.acceptDrop(DropInput.ofFiles(List.of(dir.resolve("first.png"))));
        assertThat(vm.selected().name()).isEqualTo("first.png");
        assertThat(vm.items()).hasSize(3);
    }

    @Test
    void addingWithoutAPreferenceKeepsTheSelectedInput() throws Exception {
        Files.writeString(dir.resolve("first.png"), "4x4");
        Files.writeString(dir.resolve("second.png"), "8x8");
        InputsViewModel vm = vm();
        vm.add(List.of(dir.resolve("first.png")));
        vm.add(List.of(dir.resolve("second.png")));
        assertThat(vm.selected().name()).isEqualTo("first.png");
    }

    @Test
    void unreadableFileStaysInTheListWithItsReason() throws Exception {
        Files.writeString(dir.resolve("broken.png"), "garbage");
        InputsViewModel vm = vm();
        vm.add(List.of(dir.resolve("broken.png")));
        InputItem item = vm.items().get(0);
        assertThat(item.isReadable()).isFalse();
        assertThat(item.detailsProperty().get()).isEqualTo("broken.png is not an image format SR Studio can read.");
        assertThat(vm.runTargets()).isEmpty();
    }

    @Test
    void theSameFileIsAddedOnce() throws Exception {
        Files.writeString(dir.resolve("a.png"), "4x4");
        InputsViewModel vm = vm();
        vm.add(List.of(dir.resolve("a.png")));
        vm.acceptDrop(new DropInput(List.of(), Optional.of(dir.resolve("a.png").toUri().toString())));
        assertThat(vm.items()).hasSize(1);
    }

    @Test
    void anEmptyFolderSaysThereWasNothingToOpen() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        InputsViewModel vm = vm();
        vm.add(List.of(dir.resolve("empty")));
        assertThat(vm.items()).isEmpty();
        assertThat(vm.messageProperty().get()).endsWith(".");
    }

    @Test
    void remoteUrlsAreNotTreatedAsFiles() {
        assertThat(new DropInput(List.of(), Optional.of("https://example.org/a.png")).localPaths()).isEmpty();
    }
}
