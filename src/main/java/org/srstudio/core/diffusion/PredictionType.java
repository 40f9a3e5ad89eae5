package org.srstudio.core.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the denoiser outputs, as in diffusers' {@code prediction_type}. */
public enum PredictionType {
    /** The model predicts the added noise. */
    EPSILON("epsilon"),
    /** The model predicts v (a velocity; for flow samplers the flow velocity noise - x0). */
    V_PREDICTION("v_prediction"),
    /** The model predicts x0 itself. */
    SAMPLE("sample");

    private final String jsonName;

    PredictionType(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static PredictionType of(String name) {
        return ConfigNames.parse(PredictionType.class, "prediction_type", name, PredictionType::jsonName);
    }
}
