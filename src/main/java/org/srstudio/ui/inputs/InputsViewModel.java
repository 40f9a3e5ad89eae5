package org.srstudio.ui.inputs;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioException;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.common.UiImageLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inputs list: what was dropped, pasted or opened, each read in the background (header first, then a
 * thumbnail) so that the row appears at once and fills in.
 */
public final class InputsViewModel {
    public static final int THUMBNAIL_SIDE = 72;
    private static final Logger LOG = LoggerFactory.getLogger(InputsViewModel.class);

    private final UiImageLoader loader;
    private final Executor background;
    private final UiDispatcher ui;
    private final Path pasteDir;
    private final ObservableList<InputItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<InputItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<InputItem> chosen = FXCollections.observableArrayList();
    private final ObjectProperty<String> message = new SimpleObjectProperty<>();
    private Consumer<List<InputItem>> onAdded = added -> { };

    public InputsViewModel(UiImageLoader loader, Executor background, UiDispatcher ui, Path pasteDir) {
        this.loader = loader;
        this.background = background;
        this.ui = ui;
        this.pasteDir = pasteDir;
    }

    // Properties

    public ObservableList<InputItem> items() {
        return items;
    }

    public ObjectProperty<InputItem> selectedProperty() {
        return selected;
    }

    public InputItem selected() {
        return selected.get();
    }

    /** The inputs a run processes: the list's (multiple) selection, kept in sync by the view. */
    public ObservableList<InputItem> chosen() {
        return chosen;
    }

    /** What Run works on: the chosen inputs that can be read, or the selected one when nothing else is chosen. */
    public List<InputItem> runTargets() {
        List<InputItem> targets = chosen.stream().filter(InputItem::isReadable).toList();
        if (targets.isEmpty() && selected.get() != null && selected.get().isReadable()) {
            return List.of(selected.get());
        }
        return targets;
    }

    /** The last thing worth telling the user about the inputs (e.g. "Nothing to open in that folder."). */
    public ObjectProperty<String> messageProperty() {
        return message;
    }

    public void setOnAdded(Consumer<List<InputItem>> listener) {
        this.onAdded = listener;
    }

    // Commands

    /**
     * The drop handler's whole job: the view converts the Dragboard to a {@link DropInput} and calls this. The
     * first dropped image is selected, even over another input: it is what the user wants to look at next.
     */
    public void acceptDrop(DropInput drop) {
        addThenSelect(drop.localPaths(), files -> files.isEmpty() ? null : files.get(0));
    }

    /** Adds files and folders (walked recursively) in the background; duplicates are skipped. */
    public void add(List<Path> paths) {
        add(paths, null);
    }

    /** Adds files and folders, then selects {@code preferred} if it is among them (restoring a session). */
    public void add(List<Path> paths, Path preferred) {
        addThenSelect(paths, files -> preferred);
    }

    private void addThenSelect(List<Path> paths, Function<List<Path>, Path> choice) {
        if (paths.isEmpty()) {
            return;
        }
        List<Path> request = List.copyOf(paths);
        if (request.stream().noneMatch(java.nio.file.Files::isDirectory)) {
            // Plain files need no walk: show their rows now, not after a round trip through the workers.
            List<Path> files = InputCollector.collect(request);
            addCollected(files);
            select(choice.apply(files));
            return;
        }
        background.execute(() -> {
            List<Path> files = InputCollector.collect(request);
            ui.post(() -> {
                addCollected(files);
                select(choice.apply(files));
            });
        });
    }

    private void select(Path path) {
        items.stream().filter(i -> i.path().equals(path)).findFirst().ifPresent(selected::set);
    }

    /** Saves a pasted bitmap as a PNG under the data folder and adds it like a dropped file. */
    public void pasteImage(Image image) {
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        background.execute(() -> {
            try {
                Files.createDirectories(pasteDir);
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
                Path target = pasteDir.resolve("pasted-" + stamp + ".png");
                Path tmp = Files.createTempFile(pasteDir, "paste", ".tmp");
                ImageIO.write(pixels, "png", tmp.toFile());
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                ui.post(() -> {
                    addCollected(List.of(target));
                    select(target);
                });
            } catch (IOException e) {
                LOG.warn("Could not save the pasted image", e);
                ui.post(() -> message.set("Could not save the pasted image (" + e.getMessage() + ")."));
            }
        });
    }

    public void remove(InputItem item) {
        items.remove(item);
        chosen.remove(item);
        if (selected.get() == item) {
            selected.set(items.isEmpty() ? null : items.get(0));
        }
    }

    public void clear() {
        items.clear();
        chosen.clear();
        selected.set(null);
    }

    public List<InputItem> readableItems() {
        return items.stream().filter(InputItem::isReadable).toList();
    }

    private void addCollected(List<Path> files) {
        Set<Path> known = new HashSet<>();
        items.forEach(i -> known.add(i.path()));
        List<InputItem> added = new ArrayList<>();
        for (Path f : files) {
            if (known.add(f)) {
                InputItem item = new InputItem(f);
                added.add(item);
            }
        }
        if (files.isEmpty()) {
            message.set("Nothing to open there: no image files were found.");
            onAdded.accept(List.of());
            return;
        }
        items.addAll(added);
        if (!added.isEmpty() && selected.get() == null) {
            selected.set(added.get(0));
        }
        added.forEach(this::read);
        onAdded.accept(added);
    }

    private void read(InputItem item) {
        background.execute(() -> {
            try {
                var facts = loader.probe(item.path());
                ui.post(() -> item.setFacts(facts));
                Image thumb = loader.load(item.path(), THUMBNAIL_SIDE * 2);
                ui.post(() -> item.setThumbnail(thumb));
            } catch (StudioException e) {
                ui.post(() -> item.setError(e.getMessage()));
            }
        });
    }
}
