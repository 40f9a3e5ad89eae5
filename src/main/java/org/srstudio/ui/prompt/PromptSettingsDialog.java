package org.srstudio.ui.prompt;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.srstudio.core.prompt.PromptProtocol;
import org.srstudio.core.prompt.PromptSettings;
import org.srstudio.core.prompt.XpsrPrompts;
import org.srstudio.ui.common.StudioStyles;

/** A small form for the prompt server: address, protocol, the two model names and instructions, and the timeout. */
public final class PromptSettingsDialog extends Dialog<PromptSettings> {
    private final TextField endpoint = new TextField();
    private final ComboBox<PromptProtocol> protocol = new ComboBox<>();
    private final TextField highModel = new TextField();
    private final TextField lowModel = new TextField();
    private final TextArea highInstruction = new TextArea();
    private final TextArea lowInstruction = new TextArea();
    private final Spinner<Integer> timeout = new Spinner<>(1, 3600, 120);
    private final Label error = new Label();

    public PromptSettingsDialog(PromptSettings current) {
        setTitle("Prompt server");
        setHeaderText("Where prompts are written (Ollama or an OpenAI-compatible server with a vision model)");
        endpoint.setId("prompt-endpoint");
        endpoint.setText(current.endpoint().toString());
        protocol.getItems().setAll(PromptProtocol.values());
        protocol.setValue(current.protocol());
        highModel.setId("prompt-high-model");
        highModel.setText(current.highLevelModel());
        lowModel.setText(current.lowLevelModel());
        highInstruction.setText(current.highLevelInstruction());
        lowInstruction.setText(current.lowLevelInstruction());
        for (TextArea a : new TextArea[] {highInstruction, lowInstruction}) {
            a.setWrapText(true);
            a.setPrefRowCount(2);
        }
        timeout.setEditable(true);
        timeout.getValueFactory().setValue((int) Math.min(3600, Math.max(1, current.readTimeout().toSeconds())));
        error.getStyleClass().add(StudioStyles.ERROR_TEXT);
        error.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, new Label("Server"), endpoint);
        form.addRow(row++, new Label("Protocol"), protocol);
        form.addRow(row++, new Label("Content model"), highModel);
        form.addRow(row++, new Label("Quality model"), lowModel);
        form.addRow(row++, new Label("Content instruction"), highInstruction);
        form.addRow(row++, new Label("Quality instruction"), lowInstruction);
        form.addRow(row++, new Label("Timeout (s)"), timeout);
        form.add(error, 0, row, 2, 1);
        GridPane.setHgrow(endpoint, Priority.ALWAYS);
        form.setPrefWidth(520);
        getDialogPane().setContent(form);

        ButtonType defaults = new ButtonType("XPSR defaults", javafx.scene.control.ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().addAll(defaults, ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(defaults).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            highInstruction.setText(XpsrPrompts.HIGH_LEVEL_INSTRUCTION);
            lowInstruction.setText(XpsrPrompts.LOW_LEVEL_INSTRUCTION);
        });
        // Invalid settings keep the dialog open with their sentence instead of closing and losing the typing.
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                read(current);
            } catch (RuntimeException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? read(current) : null);
    }

    /** Shows the dialog and waits; the new settings, or empty when cancelled. */
    public static Optional<PromptSettings> show(Window owner, PromptSettings current) {
        PromptSettingsDialog dialog = new PromptSettingsDialog(current);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }

    private PromptSettings read(PromptSettings current) {
        URI uri;
        try {
            uri = URI.create(endpoint.getText().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The server address " + endpoint.getText().strip() + " is not a URL.", e);
        }
        return current.withServer(uri, protocol.getValue())
                .withModels(highModel.getText(), lowModel.getText())
                .withInstructions(highInstruction.getText(), lowInstruction.getText())
                .withTimeouts(current.connectTimeout(), Duration.ofSeconds(timeout.getValue()));
    }
}
