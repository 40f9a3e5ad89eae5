package org.srstudio.ui.inputs;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;
import org.srstudio.ui.common.ImageFacts;

/** One input image as the list shows it: name, header facts, thumbnail, or the sentence saying why it can't be read. */
public final class InputItem {
    private final Path path;
    private final ObjectProperty<ImageFacts> facts = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> thumbnail = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final StringBinding details;

    public InputItem(Path path) {
        this.path = path;
        this.details = Bindings.createStringBinding(this::describe, facts, error);
    }

    public Path path() {
        return path;
    }

    public String name() {
        return path.getFileName().toString();
    }

    public ReadOnlyObjectProperty<ImageFacts> factsProperty() {
        return facts;
    }

    public ImageFacts facts() {
        return facts.get();
    }

    public ReadOnlyObjectProperty<Image> thumbnailProperty() {
        return thumbnail;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public String error() {
        return error.get();
    }

    public boolean isReadable() {
        return error.get() == null && facts.get() != null;
    }

    /** "1024 × 768 · PNG · 1.2 MB", or the error sentence. */
    public StringBinding detailsProperty() {
        return details;
    }

    void setFacts(ImageFacts value) {
        facts.set(value);
    }

    void setThumbnail(Image value) {
        thumbnail.set(value);
    }

    void setError(String sentence) {
        error.set(sentence);
    }

    private String describe() {
        if (error.get() != null) {
            return error.get();
        }
        ImageFacts f = facts.get();
        if (f == null) {
            return "Reading…";
        }
        return f.width() + " × " + f.height() + " · " + f.format().toUpperCase(Locale.ROOT) + " · " + humanBytes(f.fileBytes());
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
