package org.srstudio.ui.prompt;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.srstudio.core.prompt.PromptHistory;
import org.srstudio.ui.common.Icons;
import org.srstudio.ui.common.StudioStyles;

/**
 * The prompt writer's controls under the prompt fields: Describe with LLaVA (Cancel while it writes), Describe
 * quality from measurements, earlier prompts of this input, the server settings, and one line of status.
 */
public final class PromptAssistantView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public PromptAssistantView(PromptAssistantViewModel vm) {
        setSpacing(4);
        Button describe = new Button("Describe with LLaVA", Icons.of(Material2OutlinedAL.CHAT_BUBBLE_OUTLINE));
        describe.setId("describe-llava");
        describe.setTooltip(new Tooltip("Ask the vision-language server for the content and quality prompts of the "
                + "selected input; the text streams into the fields and can be edited afterwards"));
        describe.textProperty().bind(javafx.beans.binding.Bindings.when(vm.busyProperty())
                .then("Cancel").otherwise("Describe with LLaVA"));
        describe.setOnAction(e -> {
            if (vm.busyProperty().get()) {
                vm.cancel();
            } else {
                vm.describe();
            }
        });
        describe.disableProperty().bind(vm.targetProperty().isNull());

        Button quality = new Button("Quality from measurements", Icons.of(Material2OutlinedMZ.SPEED));
        quality.setId("describe-quality");
        quality.setTooltip(new Tooltip("Write the quality prompt from measured blur, noise, blockiness and contrast "
                + "(and the input's no-reference scores when the table has them)"));
        quality.setOnAction(e -> vm.describeQuality());
        quality.disableProperty().bind(vm.targetProperty().isNull());

        MenuButton history = new MenuButton(null, Icons.of(Material2OutlinedMZ.RESTORE));
        history.setId("prompt-history");
        history.setTooltip(new Tooltip("Earlier prompts of this input"));
        history.getStyleClass().add(Styles.BUTTON_ICON);
        history.setOnShowing(e -> {
            history.getItems().clear();
            for (int i = vm.history().size() - 1; i >= 0; i--) {
                PromptHistory.Entry entry = vm.history().get(i);
                String text = entry.prompts().highLevel().isEmpty() ? entry.prompts().lowLevel() : entry.prompts().highLevel();
                MenuItem item = new MenuItem(WHEN.format(entry.createdAt()) + " · "
                        + entry.origin().name().toLowerCase(Locale.ROOT) + " · " + abbreviate(text, 60));
                item.setOnAction(ev -> vm.use(entry));
                history.getItems().add(item);
            }
        });
        history.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.history()));

        Button settings = new Button(null, Icons.of(Material2OutlinedMZ.SETTINGS));
        settings.setId("prompt-settings");
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        settings.setTooltip(new Tooltip("Prompt server, models and instructions"));
        settings.setOnAction(e -> PromptSettingsDialog.show(getScene() == null ? null : getScene().getWindow(),
                vm.settingsProperty().get()).ifPresent(vm.settingsProperty()::set));

        FlowPane buttons = new FlowPane(6, 6, describe, quality, history, settings);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // Wrap within the editor's width instead of asking for one long row (which would widen the whole form).
        buttons.setPrefWrapLength(160);
        buttons.setMinWidth(0);
        setMinWidth(0);
        Label message = new Label();
        message.setId("prompt-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        vm.busyProperty().addListener((obs, o, busy) -> message.pseudoClassStateChanged(StudioStyles.RUNNING, busy));
        getChildren().addAll(buttons, message);
        setVisible(vm.isAvailable());
        setManaged(vm.isAvailable());
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
