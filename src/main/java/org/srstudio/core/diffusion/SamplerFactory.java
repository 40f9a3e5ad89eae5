package org.srstudio.core.diffusion;

/**
 * Makes samplers of one config for any step count. The training schedule (a thousand-entry cumulative product) is
 * computed once here rather than per run: a loaded model keeps one factory, so a 20-step image does not pay for
 * rebuilding it. Samplers only read the shared schedule.
 */
public final class SamplerFactory {
    private final SamplerConfig config;
    private final float[] alphasCumprod;

    public SamplerFactory(SamplerConfig config) {
        this.config = config;
        this.alphasCumprod = config.type() == SamplerType.ONE_STEP_FLOW ? null : NoiseSchedules.alphasCumprod(config);
    }

    /** A run of {@code steps} denoiser calls (one-step samplers accept only 1). */
    public Sampler create(int steps) {
        int trainSteps = config.numTrainTimesteps();
        if (config.isOneStep() && steps != 1) {
            throw new IllegalArgumentException("Sampler " + config.type().jsonName() + " takes exactly one step, not " + steps + ".");
        }
        if (steps < 1 || steps > trainSteps) {
            throw new IllegalArgumentException("Sampler steps must be between 1 and " + trainSteps + ", got " + steps + ".");
        }
        return switch (config.type()) {
            case DDPM -> new DdpmSampler(config, alphasCumprod,
                    TimestepSchedules.discrete(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()), steps, true);
            case ONE_STEP_EPS -> new DdpmSampler(config, alphasCumprod, new int[] {(int) config.fixedTimestep()}, 1, false);
            case DDIM -> new DdimSampler(config, alphasCumprod,
                    TimestepSchedules.discrete(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()));
            case EULER -> new EulerSampler(config, alphasCumprod,
                    TimestepSchedules.euler(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()));
            case DPMPP_2M -> new DpmSolverPlusPlus2MSampler(config, alphasCumprod,
                    TimestepSchedules.dpmSolver(config.timestepSpacing(), trainSteps, steps, config.stepsOffset()));
            case DDIM_LDM -> new LdmDdimSampler(config, alphasCumprod, ldmTimesteps(trainSteps, steps));
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
