package org.srstudio.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.srstudio.core.Json;

class SamplerConfigTest {
    private static SamplerConfig read(String json) throws JsonProcessingException {
        return Json.mapper().readValue(json, SamplerConfig.class);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String readError(String json) {
        try {
            read(json);
        } catch (Exception e) {
            return rootCause(e).getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void absentFieldsTakeTheDiffusersDefaultsOfTheType() throws Exception {
        SamplerConfig ddpm = read("{\"type\":\"ddpm\"}");
        assertThat(ddpm.betaSchedule()).isEqualTo(BetaSchedule.LINEAR);
        assertThat(ddpm.betaStart()).isEqualTo(0.0001);
        assertThat(ddpm.timestepSpacing()).isEqualTo(TimestepSpacing.LEADING);
        assertThat(ddpm.clipSample()).isTrue();
        SamplerConfig euler = read("{\"type\":\"euler\"}");
        assertThat(euler.timestepSpacing()).isEqualTo(TimestepSpacing.LINSPACE);
        assertThat(euler.clipSample()).isFalse();
        SamplerConfig ldm = read("{\"type\":\"ddim_ldm\",\"eta\":1.0}");
        assertThat(ldm.betaStart()).isEqualTo(0.0015);
        assertThat(ldm.betaEnd()).isEqualTo(0.0155);
        assertThat(ldm.defaultSteps()).isEqualTo(200);
    }

    @Test
    void oneStepDefaultsFollowTheTrainingLength() throws Exception {
        assertThat(read("{\"type\":\"one_step_eps\"}").fixedTimestep()).isEqualTo(999);
        assertThat(read("{\"type\":\"one_step_eps\",\"num_train_timesteps\":500}").fixedTimestep()).isEqualTo(499);
        assertThat(read("{\"type\":\"one_step_flow\"}").fixedTimestep()).isEqualTo(1000);
    }

    @Test
    void unknownManifestKeysAreIgnored() throws Exception {
        SamplerConfig c = read("{\"type\":\"ddim_ldm\",\"experts\":[{\"t_min\":0,\"t_max\":250}],\"eta\":0.5}");
        assertThat(c.eta()).isEqualTo(0.5);
    }

    @Test
    void writtenConfigReadsBackEqual() throws Exception {
        SamplerConfig c = SamplerConfig.stableDiffusion(SamplerType.DDPM).stepsOffset(1).clipSample(false).build();
        String json = Json.mapper().writeValueAsString(c);
        assertThat(json).contains("\"beta_schedule\" : \"scaled_linear\"").contains("\"steps_offset\" : 1");
        assertThat(read(json)).isEqualTo(c);
    }

    @Test
    void unknownTypeGivesSentence() {
        assertThat(readError("{\"type\":\"heun\"}")).isEqualTo(
                "Sampler type 'heun' is not one of ddpm, ddim, euler, dpmpp_2m, ddim_ldm, one_step_eps, one_step_flow.");
    }

    @Test
    void missingTypeGivesSentence() {
        assertThat(readError("{\"eta\":0}")).startsWith("Sampler type is missing; use one of ddpm");
    }

    @Test
    void unknownPredictionTypeGivesSentence() {
        assertThat(readError("{\"type\":\"ddim\",\"prediction_type\":\"noise\"}"))
                .isEqualTo("Sampler prediction_type 'noise' is not one of epsilon, v_prediction, sample.");
    }

    @Test
    void invertedBetasGiveSentence() {
        assertThat(readError("{\"type\":\"ddpm\",\"beta_start\":0.02,\"beta_end\":0.0001}"))
                .isEqualTo("Sampler betas must satisfy 0 < beta_start < beta_end < 1, got 0.02 and 1.0E-4.");
    }

    @Test
    void etaAboveOneGivesSentence() {
        assertThat(readError("{\"type\":\"ddim\",\"eta\":1.5}")).isEqualTo("Sampler eta must be between 0 and 1, got 1.5.");
    }

    @Test
    void oneStepSamplerRefusesSeveralDefaultSteps() {
        assertThat(readError("{\"type\":\"one_step_eps\",\"default_steps\":4}")).isEqualTo(
                "Sampler one_step_eps takes exactly one step, so default_steps must be 1, got 4.");
    }

    @Test
    void fixedTimestepOnMultiStepSamplerGivesSentence() {
        assertThat(readError("{\"type\":\"ddpm\",\"fixed_timestep\":999}")).isEqualTo(
                "Sampler ddpm walks its own timesteps, so fixed_timestep applies only to one-step samplers.");
    }

    @Test
    void oneStepEpsRefusesTimestepBeyondTraining() {
        assertThat(readError("{\"type\":\"one_step_eps\",\"fixed_timestep\":1000}")).isEqualTo(
                "Sampler one_step_eps needs a whole fixed_timestep between 1 and 999, got 1000.0.");
    }

    @Test
    void ldmDdimRefusesVPrediction() {
        assertThat(readError("{\"type\":\"ddim_ldm\",\"prediction_type\":\"v_prediction\"}"))
                .isEqualTo("Sampler ddim_ldm supports only prediction_type epsilon, got v_prediction.");
    }

    @Test
    void flowRefusesEpsilon() {
        assertThat(readError("{\"type\":\"one_step_flow\",\"prediction_type\":\"epsilon\"}")).isEqualTo(
                "Sampler one_step_flow needs prediction_type v_prediction (the flow velocity), got epsilon.");
    }

    @Test
    void stepCountOutsideTrainingRangeGivesSentence() {
        SamplerConfig c = SamplerConfig.builder(SamplerType.DDIM).build();
        assertThatThrownBy(() -> Samplers.create(c, 0)).hasMessage("Sampler steps must be between 1 and 1000, got 0.");
        assertThatThrownBy(() -> Samplers.create(SamplerConfig.builder(SamplerType.ONE_STEP_FLOW).build(), 2))
                .hasMessage("Sampler one_step_flow takes exactly one step, not 2.");
    }

    @Test
    void stepsOffsetPastTheLastTimestepGivesSentence() {
        SamplerConfig c = SamplerConfig.builder(SamplerType.DDPM).stepsOffset(1).build();
        assertThatThrownBy(() -> Samplers.create(c, 1000)).hasMessage(
                "Sampler timestep 1000 falls outside the training range 0 to 999; lower steps_offset or change the spacing.");
    }

    @Test
    void everyMessageIsOneSentence() {
        String[] bad = {"{\"type\":\"ddpm\",\"num_train_timesteps\":1}", "{\"type\":\"ddpm\",\"clip_sample_range\":0}",
                "{\"type\":\"ddpm\",\"steps_offset\":-1}", "{\"type\":\"one_step_flow\",\"shift\":0}",
                "{\"type\":\"euler\",\"timestep_spacing\":\"karras\"}", "{\"type\":\"ddpm\",\"beta_schedule\":\"sigmoid\"}"};
        for (String json : bad) {
            String msg = readError(json);
            assertThat(msg).as(json).startsWith("Sampler ").endsWith(".").doesNotContain("\n");
            assertThat(msg.substring(0, msg.length() - 1)).as(json).doesNotContain(". ");
        }
    }

    @Test
    void diffusersSchedulerConfigReadsAsIs() throws Exception {
        // The shape of Stable Diffusion 1.5's scheduler/scheduler_config.json.
        SamplerConfig c = read("{\"_class_name\":\"DDPMScheduler\","
                + "\"_diffusers_version\":\"0.6.0\",\"beta_end\":0.012,\"beta_schedule\":\"scaled_linear\","
                + "\"beta_start\":0.00085,\"clip_sample\":false,\"num_train_timesteps\":1000,\"set_alpha_to_one\":false,"
                + "\"steps_offset\":1,\"trained_betas\":null,\"variance_type\":\"fixed_small\"}");
        assertThat(c.type()).isEqualTo(SamplerType.DDPM);
        assertThat(c.betaSchedule()).isEqualTo(BetaSchedule.SCALED_LINEAR);
        assertThat(c.stepsOffset()).isEqualTo(1);
        assertThat(Samplers.create(c, 20).timestep(0)).isEqualTo(951f);
    }

    @Test
    void unsupportedDiffusersOptionsGiveSentences() {
        assertThat(readError("{\"_class_name\":\"PNDMScheduler\"}")).isEqualTo("Scheduler class PNDMScheduler is not "
                + "supported; use DDPMScheduler, DDIMScheduler, EulerDiscreteScheduler, DPMSolverMultistepScheduler or "
                + "FlowMatchEulerDiscreteScheduler.");
        assertThat(readError("{\"type\":\"ddpm\",\"variance_type\":\"learned_range\"}"))
                .isEqualTo("Sampler variance_type 'learned_range' is not supported; only fixed_small is.");
        assertThat(readError("{\"type\":\"euler\",\"use_karras_sigmas\":true}"))
                .isEqualTo("Sampler option use_karras_sigmas is not supported; leave it false.");
        assertThat(readError("{\"type\":\"dpmpp_2m\",\"solver_order\":3}"))
                .isEqualTo("Sampler dpmpp_2m is order 2, so solver_order must be 2, got 3.");
        assertThat(readError("{\"type\":\"dpmpp_2m\",\"algorithm_type\":\"sde-dpmsolver++\"}"))
                .isEqualTo("Sampler algorithm_type 'sde-dpmsolver++' is not supported; only dpmsolver++ is.");
    }

    @Test
    void ldmDdimKeepsTheOriginalUniformSpacing() {
        SamplerConfig c = SamplerConfig.builder(SamplerType.DDIM_LDM).eta(1.0).build();
        Sampler moesr = Samplers.create(c);
        // MoESR's 200 steps: 996, 991, …, 1 (range(0, 1000, 5) + 1, reversed).
        assertThat(moesr.steps()).isEqualTo(200);
        assertThat(moesr.timestep(0)).isEqualTo(996f);
        assertThat(moesr.timestep(199)).isEqualTo(1f);
        // 7 does not divide 1000: spacing 142 gives range(0, 1000, 142) + 1 = 8 timesteps, as in the LDM code.
        assertThat(Samplers.create(c, 7).timesteps()).containsExactly(995f, 853f, 711f, 569f, 427f, 285f, 143f, 1f);
    }

    @Test
    void ldmDdimStepCountThatOverrunsGivesSentence() {
        SamplerConfig c = SamplerConfig.builder(SamplerType.DDIM_LDM).build();
        assertThatThrownBy(() -> Samplers.create(c, 300)).hasMessage("Sampler ddim_ldm cannot take 300 steps because its "
                + "uniform spacing would reach timestep 1000; choose a step count whose spacing 1000 div steps leaves the "
                + "last timestep below 1000.");
    }
}
