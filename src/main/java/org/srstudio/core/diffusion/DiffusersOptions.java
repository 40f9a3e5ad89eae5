package org.srstudio.core.diffusion;

import java.util.Map;

/** Reads the parts of a diffusers scheduler_config.json that select behaviour this port does or does not have. */
final class DiffusersOptions {
    private static final Map<String, SamplerType> CLASSES = Map.of(
            "DDPMScheduler", SamplerType.DDPM,
            "DDIMScheduler", SamplerType.DDIM,
            "EulerDiscreteScheduler", SamplerType.EULER,
            "DPMSolverMultistepScheduler", SamplerType.DPMPP_2M,
            "FlowMatchEulerDiscreteScheduler", SamplerType.ONE_STEP_FLOW);

    private DiffusersOptions() {
    }

    static SamplerType typeOfClass(String className) {
        SamplerType t = CLASSES.get(className);
        if (t == null) {
            throw new IllegalArgumentException("Scheduler class " + className + " is not supported; use DDPMScheduler, "
                    + "DDIMScheduler, EulerDiscreteScheduler, DPMSolverMultistepScheduler or FlowMatchEulerDiscreteScheduler.");
        }
        return t;
    }

    static void requireSupported(SamplerType type, String varianceType, Boolean thresholding, Boolean rescaleZeroSnr,
                                 Object trainedBetas, Boolean karras, String algorithmType, String solverType,
                                 Integer solverOrder, String finalSigmasType, String interpolationType, String timestepType) {
        only("variance_type", varianceType, "fixed_small");
        off("thresholding", thresholding);
        off("rescale_betas_zero_snr", rescaleZeroSnr);
        off("use_karras_sigmas", karras);
        if (trainedBetas != null) {
            throw new IllegalArgumentException("Sampler trained_betas is not supported; give beta_schedule, beta_start and beta_end.");
        }
        if (type == SamplerType.DPMPP_2M) {
            only("algorithm_type", algorithmType, "dpmsolver++");
            only("solver_type", solverType, "midpoint");
            if (solverOrder != null && solverOrder != 2) {
                throw new IllegalArgumentException("Sampler dpmpp_2m is order 2, so solver_order must be 2, got " + solverOrder + ".");
            }
        }
        only("final_sigmas_type", finalSigmasType, "zero");
        only("interpolation_type", interpolationType, "linear");
        only("timestep_type", timestepType, "discrete");
    }

    private static void only(String field, String value, String supported) {
        if (value != null && !value.equals(supported)) {
            throw new IllegalArgumentException("Sampler " + field + " '" + value + "' is not supported; only " + supported + " is.");
        }
    }

    private static void off(String field, Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            throw new IllegalArgumentException("Sampler option " + field + " is not supported; leave it false.");
        }
    }
}
