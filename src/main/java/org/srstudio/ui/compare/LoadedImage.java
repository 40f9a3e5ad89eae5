package org.srstudio.ui.compare;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;

/** An image being loaded: first a downscaled preview, then the full pixels, or an error sentence. */
public final class LoadedImage {
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper full = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public Image image() {
        return image.get();
    }

    /** True once the full-resolution pixels have replaced the preview. */
    public ReadOnlyBooleanProperty fullProperty() {
        return full.getReadOnlyProperty();
    }

    public boolean isFull() {
        return full.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void showPreview(Image preview) {
        if (!full.get()) {
            image.set(preview);
        }
    }

    void showFull(Image pixels) {
        image.set(pixels);
        full.set(true);
    }

    void fail(String sentence) {
        error.set(sentence);
    }
}
