package org.srstudio.ui.models;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;

/** One model as a card: name, family badge, scale, speed, licence, and install state with its how-to note. */
final class ModelCardView extends VBox {
    ModelCardView(ModelCardViewModel card, ModelPickerViewModel picker) {
        getStyleClass().add(StudioStyles.MODEL_CARD);
        getStyleClass().add("family-" + card.family().json());
        setId("model-card-" + card.id());
        setSpacing(6);
        setAccessibleRole(AccessibleRole.CHECK_BOX);
        setAccessibleText(card.name());

        Label name = new Label(card.name());
        name.getStyleClass().add(StudioStyles.MODEL_NAME);
        name.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        FontIcon check = Icons.of(Material2AL.CHECK_CIRCLE, "card-check");
        check.visibleProperty().bind(card.selectedProperty());
        HBox header = new HBox(6, name, spacer, check);
        header.setAlignment(Pos.CENTER_LEFT);

        Label family = new Label(card.familyLabel());
        family.getStyleClass().addAll(StudioStyles.FAMILY_BADGE);
        FlowPane chips = new FlowPane(6, 4, family,
                chip(Icons.of(Material2OutlinedAL.ASPECT_RATIO), card.scaleLabel()),
                chip(Icons.of(Material2OutlinedMZ.SPEED), card.speedLabel()),
                chip(Icons.of(Material2OutlinedAL.GAVEL), card.licenseLabel()));
        // The chips wrap at the card's width, and one chip longer than a whole row is shortened with an ellipsis:
        // by default a flow pane asks for 400 px and lays every child at its full width, past the column's edge.
        chips.setMinWidth(0);
        chips.prefWrapLengthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> getWidth() - snappedLeftInset() - snappedRightInset(), widthProperty(), insetsProperty()));
        chips.getChildren().forEach(c -> ((Label) c).maxWidthProperty().bind(chips.widthProperty()));
        getChildren().addAll(header, chips);

        if (!card.isInstalled()) {
            Label status = new Label(card.statusLabel(), Icons.of(Material2OutlinedAL.CLOUD_DOWNLOAD));
            status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
            Label note = new Label(card.note());
            note.getStyleClass().add(StudioStyles.INSTALL_NOTE);
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().addAll(status, note);
            setTooltip(card.note());
        } else {
            setTooltip(card.name() + " — click to add it to the comparison");
        }
        pseudoClassStateChanged(StudioStyles.UNAVAILABLE, !card.isInstalled());
        card.selectedProperty().addListener((obs, o, n) -> pseudoClassStateChanged(StudioStyles.SELECTED, n));
        card.focusedProperty().addListener((obs, o, n) -> pseudoClassStateChanged(StudioStyles.FOCUSED_MODEL, n));
        pseudoClassStateChanged(StudioStyles.SELECTED, card.isSelected());
        pseudoClassStateChanged(StudioStyles.FOCUSED_MODEL, card.focusedProperty().get());
        setOnMouseClicked(e -> picker.click(card));
    }

    private void setTooltip(String text) {
        Tooltip.install(this, new Tooltip(text));
    }

    private static Label chip(FontIcon icon, String text) {
        Label l = new Label(text.toLowerCase(Locale.ROOT).equals("unknown") ? "licence unknown" : text, icon);
        l.getStyleClass().add(StudioStyles.CHIP);
        l.setTooltip(new Tooltip(l.getText()));
        return l;
    }
}
