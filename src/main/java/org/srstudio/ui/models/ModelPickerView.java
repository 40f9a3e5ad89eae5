package org.srstudio.ui.models;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.srstudio.ui.common.StudioStyles;

/** The model cards in a scrolling column, with how many are picked for the next run. */
public final class ModelPickerView extends VBox {
    private final VBox cards = new VBox(8);
    private final ModelPickerViewModel viewModel;

    public ModelPickerView(ModelPickerViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(StudioStyles.SECTION);
        setSpacing(8);
        Label title = new Label("Models");
        title.getStyleClass().add(StudioStyles.SECTION_TITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label picked = new Label();
        picked.getStyleClass().add(Styles.TEXT_MUTED);
        picked.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.selection().size() + " picked", viewModel.selection()));
        HBox header = new HBox(6, title, spacer, picked);
        header.setAlignment(Pos.CENTER_LEFT);

        cards.getStyleClass().add("model-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        rebuild();
        viewModel.cards().addListener((ListChangeListener<ModelCardViewModel>) c -> rebuild());
    }

    private void rebuild() {
        cards.getChildren().setAll(viewModel.cards().stream().map(c -> new ModelCardView(c, viewModel)).toList());
    }
}
