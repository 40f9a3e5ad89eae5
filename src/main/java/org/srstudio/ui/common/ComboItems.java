package org.srstudio.ui.common;

import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

/**
 * Keeps a combo box's choices in step with a view model's list without losing what it shows. A combo whose own
 * items list is replaced reacts in listeners that run after any a view adds to that list, and they clear the
 * displayed choice even when an equal one is selected again. The combo therefore gets a copy: each change is
 * copied in, the combo's reactions run inside that copy, and only then is the view model's choice set.
 */
public final class ComboItems {
    private ComboItems() {
    }

    /** Shows a copy of {@code source} in {@code box} and, after each change, selects {@code chosen}. */
    public static <T> void follow(ComboBox<T> box, ObservableList<T> source, Supplier<T> chosen) {
        ObservableList<T> copy = FXCollections.observableArrayList(source);
        box.setItems(copy);
        box.setValue(chosen.get());
        source.addListener((ListChangeListener<T>) change -> {
            // Asked first: a combo bound both ways to the choice clears it while its items are replaced.
            T keep = chosen.get();
            copy.setAll(source);
            box.setValue(keep);
        });
    }
}
