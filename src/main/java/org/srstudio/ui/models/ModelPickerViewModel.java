package org.srstudio.ui.models;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.srstudio.core.model.ModelEntry;

/**
 * The model cards. Clicking a card focuses it (its knobs go to the editor) and toggles it into the set of models
 * the next run compares; cards of models that cannot run can be focused, to read their note, but not picked.
 */
public final class ModelPickerViewModel {
    private final ObservableList<ModelCardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<ModelCardViewModel> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ModelCardViewModel> focused = new ReadOnlyObjectWrapper<>();

    public ModelPickerViewModel(List<ModelEntry> entries) {
        setEntries(entries);
    }

    // Properties

    public ObservableList<ModelCardViewModel> cards() {
        return cards;
    }

    /** The picked cards, in the order they were picked. */
    public ObservableList<ModelCardViewModel> selection() {
        return FXCollections.unmodifiableObservableList(selection);
    }

    public ReadOnlyObjectProperty<ModelCardViewModel> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    public ModelCardViewModel focused() {
        return focused.get();
    }

    public List<String> selectedIds() {
        return selection.stream().map(ModelCardViewModel::id).toList();
    }

    public Optional<ModelCardViewModel> card(String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    // Commands

    /** What a click on a card does: focus it, and pick or unpick it when it can run. */
    public void click(ModelCardViewModel card) {
        focus(card);
        if (card.isInstalled()) {
            setSelected(card, !card.isSelected());
        }
    }

    public void focus(ModelCardViewModel card) {
        ModelCardViewModel old = focused.get();
        if (old != null) {
            old.focusedProperty().set(false);
        }
        focused.set(card);
        if (card != null) {
            card.focusedProperty().set(true);
        }
    }

    public void setSelected(ModelCardViewModel card, boolean pick) {
        if (pick && !card.isInstalled()) {
            return;
        }
        card.selectedProperty().set(pick);
        if (pick && !selection.contains(card)) {
            selection.add(card);
        } else if (!pick) {
            selection.remove(card);
        }
    }

    /** Picks exactly these models (unknown or uninstalled ids are ignored); used when a session is restored. */
    public void select(Collection<String> ids) {
        List.copyOf(selection).forEach(c -> setSelected(c, false));
        ids.forEach(id -> card(id).ifPresent(c -> setSelected(c, true)));
    }

    public void setEntries(List<ModelEntry> entries) {
        List<String> picked = selectedIds();
        String focusedId = focused.get() == null ? null : focused.get().id();
        selection.clear();
        cards.setAll(entries.stream().map(ModelCardViewModel::new).toList());
        select(picked);
        focus(focusedId == null ? cards.stream().filter(ModelCardViewModel::isInstalled).findFirst().orElse(null)
                : card(focusedId).orElse(null));
    }
}
