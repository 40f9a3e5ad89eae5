package org.srstudio.core.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The manifest's {@code "sampler"} object: which update rule, the training noise schedule and the sampling options,
 * with diffusers' field names and diffusers' per-class defaults for anything left out (so a scheduler_config.json
 * copied from a diffusers folder reads the same). Every instance is valid; problems are reported as one sentence.
 *
 * <p>{@code fixed_timestep} is the timestep a one-step sampler feeds the model (S3Diff 999, TSD-SR 1000); it is 0 for
 * multi-step samplers. {@code shift} is the flow-matching sigma shift (1 = none). Unknown fields are ignored because
 * the manifest may carry model-level keys (expert bands, alphas files) next to these. A diffusers
 * scheduler_config.json also reads: {@code _class_name} stands in for {@code type}, and diffusers options this port
 * does not implement (learned variance, thresholding, zero-SNR rescaling, Karras sigmas, other DPM-Solver variants…)
 * are refused with a sentence instead of being silently ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SamplerConfig(
        @JsonProperty("type") SamplerType type,
        @JsonProperty("num_train_timesteps") int numTrainTimesteps,
        @JsonProperty("beta_schedule") BetaSchedule betaSchedule,
        @JsonProperty("beta_start") double betaStart,
        @JsonProperty("beta_end") double betaEnd,
        @JsonProperty("prediction_type") PredictionType predictionType,
        @JsonProperty("timestep_spacing") TimestepSpacing timestepSpacing,
        @JsonProperty("steps_offset") int stepsOffset,
        @JsonProperty("clip_sample") boolean clipSample,
        @JsonProperty("clip_sample_range") double clipSampleRange,
        @JsonProperty("set_alpha_to_one") boolean setAlphaToOne,
        @JsonProperty("eta") double eta,
        @JsonProperty("lower_order_final") boolean lowerOrderFinal,
        @JsonProperty("default_steps") int defaultSteps,
        @JsonProperty("fixed_timestep") double fixedTimestep,
        @JsonProperty("shift") double shift) {

    public static final int MAX_TRAIN_TIMESTEPS = 100_000;

    public SamplerConfig {
        if (type == null) {
            throw new IllegalArgumentException("Sampler type is missing; use one of ddpm, ddim, euler, dpmpp_2m, "
                    + "ddim_ldm, one_step_eps or one_step_flow.");
        }
        if (numTrainTimesteps < 2 || numTrainTimesteps > MAX_TRAIN_TIMESTEPS) {
            throw new IllegalArgumentException("Sampler num_train_timesteps must be between 2 and "
                    + MAX_TRAIN_TIMESTEPS + ", got " + numTrainTimesteps + ".");
        }
        if (betaSchedule == null || predictionType == null || timestepSpacing == null) {
            throw new IllegalArgumentException("Sampler " + type.jsonName()
                    + " needs a beta_schedule, a prediction_type and a timestep_spacing.");
        }
        if (betaSchedule != BetaSchedule.SQUAREDCOS_CAP_V2
                && !(betaStart > 0 && betaEnd > betaStart && betaEnd < 1)) {
            throw new IllegalArgumentException("Sampler betas must satisfy 0 < beta_start < beta_end < 1, got "
                    + fmt(betaStart) + " and " + fmt(betaEnd) + ".");
        }
        if (!(clipSampleRange > 0)) {
            throw new IllegalArgumentException("Sampler clip_sample_range must be positive, got " + fmt(clipSampleRange) + ".");
        }
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("Sampler eta must be between 0 and 1, got " + fmt(eta) + ".");
        }
        if (stepsOffset < 0 || stepsOffset >= numTrainTimesteps) {
            throw new IllegalArgumentException("Sampler steps_offset must be between 0 and " + (numTrainTimesteps - 1)
                    + ", got " + stepsOffset + ".");
        }
        if (!(shift > 0)) {
            throw new IllegalArgumentException("Sampler shift must be positive, got " + fmt(shift) + ".");
        }
        boolean oneStep = type == SamplerType.ONE_STEP_EPS || type == SamplerType.ONE_STEP_FLOW;
        if (oneStep && defaultSteps != 1) {
            throw new IllegalArgumentException("Sampler " + type.jsonName() + " takes exactly one step, so default_steps must be 1, got "
                    + defaultSteps + ".");
        }
        if (defaultSteps < 1 || defaultSteps > numTrainTimesteps) {
            throw new IllegalArgumentException("Sampler default_steps must be between 1 and " + numTrainTimesteps
                    + ", got " + defaultSteps + ".");
        }
        if (type == SamplerType.ONE_STEP_EPS
                && (fixedTimestep != Math.rint(fixedTimestep) || fixedTimestep < 1 || fixedTimestep > numTrainTimesteps - 1)) {
            throw new IllegalArgumentException("Sampler one_step_eps needs a whole fixed_timestep between 1 and "
                    + (numTrainTimesteps - 1) + ", got " + fmt(fixedTimestep) + ".");
        }
        if (type == SamplerType.ONE_STEP_FLOW && !(fixedTimestep > 0 && fixedTimestep <= numTrainTimesteps)) {
            throw new IllegalArgumentException("Sampler one_step_flow needs a fixed_timestep above 0 and at most "
                    + numTrainTimesteps + ", got " + fmt(fixedTimestep) + ".");
        }
        if (!oneStep && fixedTimestep != 0) {
            throw new IllegalArgumentException("Sampler " + type.jsonName()
                    + " walks its own timesteps, so fixed_timestep applies only to one-step samplers.");
        }
        if (type == SamplerType.DDIM_LDM && predictionType != PredictionType.EPSILON) {
            throw new IllegalArgumentException("Sampler ddim_ldm supports only prediction_type epsilon, got "
                    + predictionType.jsonName() + ".");
        }
        if (type == SamplerType.ONE_STEP_FLOW && predictionType != PredictionType.V_PREDICTION) {
            throw new IllegalArgumentException("Sampler one_step_flow needs prediction_type v_prediction (the flow velocity), got "
                    + predictionType.jsonName() + ".");
        }
    }

    /**
     * Reads the manifest object; absent fields take the defaults of the matching diffusers class (DDPM/DDIM:
     * linear 1e-4→0.02, leading, clip_sample true; Euler/DPM-Solver: linspace; ddim_ldm: linear 0.0015→0.0155 as in
     * the LDM super-resolution configs). Strings are accepted for the enums so that errors read as sentences.
     */
    @JsonCreator
    public static SamplerConfig fromJson(
            @JsonProperty("type") String type,
            @JsonProperty("num_train_timesteps") Integer numTrainTimesteps,
            @JsonProperty("beta_schedule") String betaSchedule,
            @JsonProperty("beta_start") Double betaStart,
            @JsonProperty("beta_end") Double betaEnd,
            @JsonProperty("prediction_type") String predictionType,
            @JsonProperty("timestep_spacing") String timestepSpacing,
            @JsonProperty("steps_offset") Integer stepsOffset,
            @JsonProperty("clip_sample") Boolean clipSample,
            @JsonProperty("clip_sample_range") Double clipSampleRange,
            @JsonProperty("set_alpha_to_one") Boolean setAlphaToOne,
            @JsonProperty("eta") Double eta,
            @JsonProperty("lower_order_final") Boolean lowerOrderFinal,
            @JsonProperty("default_steps") Integer defaultSteps,
            @JsonProperty("fixed_timestep") Double fixedTimestep,
            @JsonProperty("shift") Double shift,
            @JsonProperty("_class_name") String className,
            @JsonProperty("variance_type") String varianceType,
            @JsonProperty("thresholding") Boolean thresholding,
            @JsonProperty("rescale_betas_zero_snr") Boolean rescaleBetasZeroSnr,
            @JsonProperty("trained_betas") Object trainedBetas,
            @JsonProperty("use_karras_sigmas") Boolean useKarrasSigmas,
            @JsonProperty("algorithm_type") String algorithmType,
            @JsonProperty("solver_type") String solverType,
            @JsonProperty("solver_order") Integer solverOrder,
            @JsonProperty("final_sigmas_type") String finalSigmasType,
            @JsonProperty("interpolation_type") String interpolationType,
            @JsonProperty("timestep_type") String timestepType) {
        SamplerType t = type == null && className != null ? DiffusersOptions.typeOfClass(className) : SamplerType.of(type);
        DiffusersOptions.requireSupported(t, varianceType, thresholding, rescaleBetasZeroSnr, trainedBetas, useKarrasSigmas,
                algorithmType, solverType, solverOrder, finalSigmasType, interpolationType, timestepType);
        Builder b = builder(t);
        if (numTrainTimesteps != null) {
            b.numTrainTimesteps(numTrainTimesteps);
        }
        if (betaSchedule != null) {
            b.betaSchedule(BetaSchedule.of(betaSchedule));
        }
        if (betaStart != null) {
            b.betaStart(betaStart);
        }
        if (betaEnd != null) {
            b.betaEnd(betaEnd);
        }
        if (predictionType != null) {
            b.predictionType(PredictionType.of(predictionType));
        }
        if (timestepSpacing != null) {
            b.timestepSpacing(TimestepSpacing.of(timestepSpacing));
        }
        if (stepsOffset != null) {
            b.stepsOffset(stepsOffset);
        }
        if (clipSample != null) {
            b.clipSample(clipSample);
        }
        if (clipSampleRange != null) {
            b.clipSampleRange(clipSampleRange);
        }
        if (setAlphaToOne != null) {
            b.setAlphaToOne(setAlphaToOne);
        }
        if (eta != null) {
            b.eta(eta);
        }
        if (lowerOrderFinal != null) {
            b.lowerOrderFinal(lowerOrderFinal);
        }
        if (defaultSteps != null) {
            b.defaultSteps(defaultSteps);
        }
        if (fixedTimestep != null) {
            b.fixedTimestep(fixedTimestep);
        } else if (t == SamplerType.ONE_STEP_EPS || t == SamplerType.ONE_STEP_FLOW) {
            // The default follows num_train_timesteps when the manifest changes it.
            b.fixedTimestep(t == SamplerType.ONE_STEP_EPS ? b.numTrainTimesteps - 1 : b.numTrainTimesteps);
        }
        if (shift != null) {
            b.shift(shift);
        }
        return b.build();
    }

    /** A builder preset with the diffusers defaults of {@code type}. */
    public static Builder builder(SamplerType type) {
        if (type == null) {
            throw new IllegalArgumentException("Sampler type is missing; use one of ddpm, ddim, euler, dpmpp_2m, "
                    + "ddim_ldm, one_step_eps or one_step_flow.");
        }
        return new Builder(type);
    }

    /** Stable Diffusion 1.x/2.x training schedule (scaled_linear 0.00085→0.012) for {@code type}. */
    public static Builder stableDiffusion(SamplerType type) {
        return builder(type).betaSchedule(BetaSchedule.SCALED_LINEAR).betaStart(0.00085).betaEnd(0.012);
    }

    public boolean isOneStep() {
        return type == SamplerType.ONE_STEP_EPS || type == SamplerType.ONE_STEP_FLOW;
    }

    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.numTrainTimesteps = numTrainTimesteps;
        b.betaSchedule = betaSchedule;
        b.betaStart = betaStart;
        b.betaEnd = betaEnd;
        b.predictionType = predictionType;
        b.timestepSpacing = timestepSpacing;
        b.stepsOffset = stepsOffset;
        b.clipSample = clipSample;
        b.clipSampleRange = clipSampleRange;
        b.setAlphaToOne = setAlphaToOne;
        b.eta = eta;
        b.lowerOrderFinal = lowerOrderFinal;
        b.defaultSteps = defaultSteps;
        b.fixedTimestep = fixedTimestep;
        b.shift = shift;
        return b;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /** Mutable staging for a {@link SamplerConfig}; {@link #build()} validates. */
    public static final class Builder {
        private final SamplerType type;
        private int numTrainTimesteps = 1000;
        private BetaSchedule betaSchedule = BetaSchedule.LINEAR;
        private double betaStart = 0.0001;
        private double betaEnd = 0.02;
        private PredictionType predictionType = PredictionType.EPSILON;
        private TimestepSpacing timestepSpacing;
        private int stepsOffset;
        private boolean clipSample;
        private double clipSampleRange = 1.0;
        private boolean setAlphaToOne = true;
        private double eta;
        private boolean lowerOrderFinal = true;
        private int defaultSteps = 20;
        private double fixedTimestep;
        private double shift = 1.0;

        private Builder(SamplerType type) {
            this.type = type;
            switch (type) {
                case DDPM, DDIM -> {
                    timestepSpacing = TimestepSpacing.LEADING;
                    clipSample = true;
                }
                case EULER, DPMPP_2M -> timestepSpacing = TimestepSpacing.LINSPACE;
                case DDIM_LDM -> {
                    timestepSpacing = TimestepSpacing.LEADING; // unused: LDM spaces uniformly with its own +1 offset
                    betaStart = 0.0015;
                    betaEnd = 0.0155;
                    defaultSteps = 200;
                }
                case ONE_STEP_EPS -> {
                    timestepSpacing = TimestepSpacing.LEADING;
                    clipSample = true;
                    defaultSteps = 1;
                    fixedTimestep = 999;
                }
                case ONE_STEP_FLOW -> {
                    timestepSpacing = TimestepSpacing.LINSPACE;
                    predictionType = PredictionType.V_PREDICTION;
                    defaultSteps = 1;
                    fixedTimestep = 1000;
                }
                default -> throw new IllegalStateException("unreachable");
            }
        }

        public Builder numTrainTimesteps(int v) {
            numTrainTimesteps = v;
            return this;
        }

        public Builder betaSchedule(BetaSchedule v) {
            betaSchedule = v;
            return this;
        }

        public Builder betaStart(double v) {
            betaStart = v;
            return this;
        }

        public Builder betaEnd(double v) {
            betaEnd = v;
            return this;
        }

        public Builder predictionType(PredictionType v) {
            predictionType = v;
            return this;
        }

        public Builder timestepSpacing(TimestepSpacing v) {
            timestepSpacing = v;
            return this;
        }

        public Builder stepsOffset(int v) {
            stepsOffset = v;
            return this;
        }

        public Builder clipSample(boolean v) {
            clipSample = v;
            return this;
        }

        public Builder clipSampleRange(double v) {
            clipSampleRange = v;
            return this;
        }

        public Builder setAlphaToOne(boolean v) {
            setAlphaToOne = v;
            return this;
        }

        public Builder eta(double v) {
            eta = v;
            return this;
        }

        public Builder lowerOrderFinal(boolean v) {
            lowerOrderFinal = v;
            return this;
        }

        public Builder defaultSteps(int v) {
            defaultSteps = v;
            return this;
        }

        public Builder fixedTimestep(double v) {
            fixedTimestep = v;
            return this;
        }

        public Builder shift(double v) {
            shift = v;
            return this;
        }

        public SamplerConfig build() {
            return new SamplerConfig(type, numTrainTimesteps, betaSchedule, betaStart, betaEnd, predictionType,
                    timestepSpacing, stepsOffset, clipSample, clipSampleRange, setAlphaToOne, eta, lowerOrderFinal,
                    defaultSteps, fixedTimestep, shift);
        }
    }
}
