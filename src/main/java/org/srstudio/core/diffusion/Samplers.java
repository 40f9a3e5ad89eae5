package org.srstudio.core.diffusion;

/** Creates a {@link Sampler} for one run from a {@link SamplerConfig}. */
public final class Samplers {
    private Samplers() {
    }

    /** A run with the config's default number of steps. */
    public static Sampler create(SamplerConfig config) {
        return create(config, config.defaultSteps());
    }

    /** A run of {@code steps} denoiser calls (one-step samplers accept only 1). */
    public static Sampler create(SamplerConfig config, int steps) {
        int trainSteps = config.numTrainTimesteps();
        if (config.isOneStep() && steps != 1) {
            throw new IllegalArgumentException("Sampler " + config.type().jsonName() + " takes exactly one step, not " + steps + ".");
        }
        if (steps < 1 || steps > trainSteps) {
            throw new IllegalArgumentException("Sampler steps must be between 1 and " + trainSteps + ", got " + steps + ".");
        }
        return switch (config.type()) {
            case DDPM -> new DdpmSampler(config, NoiseSchedules.alphasCumprod(config),
                    TimestepSchedules.discrete(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()), steps, true);
            case ONE_STEP_EPS -> new DdpmSampler(config, NoiseSchedules.alphasCumprod(config),
                    new int[] {(int) config.fixedTimestep()}, 1, false);
            case DDIM -> new DdimSampler(config, NoiseSchedules.alphasCumprod(config),
                    TimestepSchedules.discrete(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()));
            case EULER -> new EulerSampler(config, NoiseSchedules.alphasCumprod(config),
                    TimestepSchedules.euler(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()));
            case DPMPP_2M -> new DpmSolverPlusPlus2MSampler(config, NoiseSchedules.alphasCumprod(config),
                    TimestepSchedules.dpmSolver(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()));
            case DDIM_LDM -> new LdmDdimSampler(config, NoiseSchedules.alphasCumprod(config), ldmTimesteps(trainSteps, steps));
            case ONE_STEP_FLOW -> new OneStepFlowSampler(config);
        };
    }

    private static int[] ldmTimesteps(int trainSteps, int steps) {
        int[] t = TimestepSchedules.ldmUniform(trainSteps, steps);
        if (t[0] > trainSteps - 1) {
            // The LDM code indexes past its schedule here too (IndexError); say which counts work instead.
            throw new IllegalArgumentException("Sampler ddim_ldm cannot take " + steps + " steps because its uniform spacing would reach timestep "
                    + t[0] + "; choose a step count whose spacing " + trainSteps + " div steps leaves the last timestep below " + trainSteps + ".");
        }
        return t;
    }
}
