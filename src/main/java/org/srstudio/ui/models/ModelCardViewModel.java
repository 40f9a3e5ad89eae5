package org.srstudio.ui.models;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.srstudio.core.model.ModelEntry;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelManifest;
import org.srstudio.core.model.ModelStatus;

/** One model card: the manifest's facts as display strings, and whether the card is picked for the next run. */
public final class ModelCardViewModel {
    private final ModelEntry entry;
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final BooleanProperty focused = new SimpleBooleanProperty();

    public ModelCardViewModel(ModelEntry entry) {
        this.entry = entry;
    }

    public ModelEntry entry() {
        return entry;
    }

    public ModelManifest manifest() {
        return entry.manifest();
    }

    public String id() {
        return entry.id();
    }

    public String name() {
        return entry.manifest().name();
    }

    public ModelFamily family() {
        return entry.manifest().family();
    }

    public String familyLabel() {
        return family().displayName();
    }

    /** "×4" or "×2 ×4". */
    public String scaleLabel() {
        return entry.manifest().scales().stream().map(s -> "×" + s).collect(Collectors.joining(" "));
    }

    public String speedLabel() {
        String speed = entry.manifest().speed();
        return speed.isEmpty() ? speed : speed.substring(0, 1).toUpperCase(Locale.ROOT) + speed.substring(1);
    }

    public String licenseLabel() {
        return entry.manifest().license();
    }

    public boolean isInstalled() {
        return entry.isRunnable();
    }

    public String statusLabel() {
        return switch (entry.status()) {
            case INSTALLED -> "Installed";
            case NOT_INSTALLED -> "Not installed";
            case UNSUPPORTED -> "Unsupported";
        };
    }

    public ModelStatus status() {
        return entry.status();
    }

    /** How to install it, or why it cannot run; empty for installed models. */
    public String note() {
        return entry.note();
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    /** The card whose parameters the editor shows. */
    public BooleanProperty focusedProperty() {
        return focused;
    }
}
