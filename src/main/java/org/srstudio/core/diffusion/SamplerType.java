package org.srstudio.core.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which update rule a {@link Sampler} applies; the JSON names are those of the manifest's "sampler" object. */
public enum SamplerType {
    /** The diffusers DDPMScheduler (ancestral, variance fixed_small). */
    DDPM("ddpm"),
    /** The diffusers DDIMScheduler. */
    DDIM("ddim"),
    /** The diffusers EulerDiscreteScheduler (no churn). */
    EULER("euler"),
    /** The diffusers DPMSolverMultistepScheduler with dpmsolver++, midpoint, order 2. */
    DPMPP_2M("dpmpp_2m"),
    /** The latent-diffusion DDIMSampler (uniform spacing, t+1 offset) that MoESR uses. */
    DDIM_LDM("ddim_ldm"),
    /** One DDPM step from a fixed timestep straight to x0 (S3Diff: t = 999). */
    ONE_STEP_EPS("one_step_eps"),
    /** One rectified-flow Euler step from sigma = t/T to 0, x0 = x - sigma * v (TSD-SR: t = 1000). */
    ONE_STEP_FLOW("one_step_flow");

    private final String jsonName;

    SamplerType(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static SamplerType of(String name) {
        return ConfigNames.parse(SamplerType.class, "type", name, SamplerType::jsonName);
    }
}
