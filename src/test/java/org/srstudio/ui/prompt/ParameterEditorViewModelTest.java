package org.srstudio.ui.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.srstudio.core.job.ColorFix;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.model.Knob;
import org.srstudio.core.model.KnobName;
import org.srstudio.core.model.ModelFamily;
import org.srstudio.core.model.ModelManifest;

class ParameterEditorViewModelTest {
    private static final ModelManifest GAN = manifest("gan", ModelFamily.GAN,
            Map.of(KnobName.TILE_SIZE, Knob.numeric(256, 0, 2048)));
    private static final ModelManifest DIFFUSION = manifest("diff", ModelFamily.MULTI_STEP_DIFFUSION, Map.of(
            KnobName.PROMPT, Knob.text("a photo"),
            KnobName.NEGATIVE_PROMPT, Knob.text("blur"),
            KnobName.GUIDANCE, Knob.numeric(5, 1, 9),
            KnobName.STEPS, Knob.numeric(30, 10, 60),
            KnobName.SEED, new Knob(null, 0.0, 4294967295.0, null, null),
            KnobName.COLOR_FIX, new Knob(null, null, null, "wavelet", List.of("none", "wavelet"))));

    private final ParameterEditorViewModel vm = new ParameterEditorViewModel(RandomGenerator.of("L64X128MixRandom"));

    static ModelManifest manifest(String id, ModelFamily family, Map<String, Knob> knobs) {
        return new ModelManifest(id, id.toUpperCase(), "1", family, "test", List.of(4, 2), "medium", knobs, "MIT",
                null, null, null, null, null);
    }

    @Test
    void fieldsOfKnobsTheModelIgnoresAreDisabled() {
        vm.edit(GAN);
        assertThat(vm.promptEnabledProperty().get()).isFalse();
        assertThat(vm.guidanceEnabledProperty().get()).isFalse();
        assertThat(vm.tileEnabledProperty().get()).isTrue();
        vm.edit(DIFFUSION);
        assertThat(vm.promptEnabledProperty().get()).isTrue();
        assertThat(vm.promptLowEnabledProperty().get()).isFalse();
        assertThat(vm.guidanceEnabledProperty().get()).isTrue();
        assertThat(vm.tileEnabledProperty().get()).isFalse();
    }

    @Test
    void editorStartsFromTheManifestDefaults() {
        vm.edit(DIFFUSION);
        assertThat(vm.promptProperty().get()).isEqualTo("a photo");
        assertThat(vm.guidanceProperty().get()).isEqualTo(5.0);
        assertThat(vm.stepsProperty().get()).isEqualTo(30);
        assertThat(vm.colorFixProperty().get()).isEqualTo(ColorFix.WAVELET);
        assertThat(vm.colorFixChoices()).containsExactly(ColorFix.NONE, ColorFix.WAVELET);
        assertThat(vm.scaleProperty().get()).isEqualTo(4);
    }

    @Test
    void whatWasTypedIsRememberedPerModel() {
        vm.edit(DIFFUSION);
        vm.promptProperty().set("a red barn");
        vm.stepsProperty().set(42);
        vm.edit(GAN);
        assertThat(vm.promptProperty().get()).isEmpty();
        vm.edit(DIFFUSION);
        assertThat(vm.promptProperty().get()).isEqualTo("a red barn");
        assertThat(vm.stepsProperty().get()).isEqualTo(42);
    }

    @Test
    void guidanceAndStepsAreKeptInsideTheManifestRange() {
        vm.edit(DIFFUSION);
        vm.guidanceProperty().set(50);
        vm.stepsProperty().set(1);
        assertThat(vm.guidanceProperty().get()).isEqualTo(9.0);
        assertThat(vm.stepsProperty().get()).isEqualTo(10);
    }

    @Test
    void parametersCarryOnlyTheKnobsTheModelDeclares() {
        vm.edit(DIFFUSION);
        vm.seedProperty().set("1234");
        vm.edit(GAN);
        vm.tileSizeProperty().set(512);
        ModelParameters gan = vm.parametersFor(GAN);
        assertThat(gan.prompt()).isNull();
        assertThat(gan.guidanceScale()).isNull();
        assertThat(gan.tileSize()).isEqualTo(512);
        ModelParameters diffusion = vm.parametersFor(DIFFUSION);
        assertThat(diffusion.prompt()).isEqualTo("a photo");
        assertThat(diffusion.seed()).isEqualTo(1234L);
        assertThat(diffusion.tileSize()).isZero();
        assertThat(diffusion.colorFix()).isEqualTo(ColorFix.WAVELET);
    }

    @Test
    void diceDrawsASeedInsideTheSeedRange() {
        vm.edit(DIFFUSION);
        vm.randomizeSeed();
        String first = vm.seedProperty().get();
        vm.randomizeSeed();
        assertThat(Long.parseLong(first)).isBetween(0L, 0xFFFF_FFFFL);
        assertThat(vm.seedProperty().get()).isNotEqualTo(first);
        assertThat(vm.seedErrorProperty().get()).isNull();
    }

    @Test
    void aSeedThatIsNotANumberGivesASentenceAndARandomSeed() {
        vm.edit(DIFFUSION);
        vm.seedProperty().set("abc");
        assertThat(vm.seedErrorProperty().get()).endsWith(".");
        assertThat(vm.parametersFor(DIFFUSION).seed()).isNull();
    }

    @Test
    void restoredValuesReachTheFocusedModel() {
        vm.edit(DIFFUSION);
        Map<String, ParameterValues> saved = Map.of("diff",
                new ParameterValues(2, "saved prompt", "", "", 3, 20, "7", 0, ColorFix.NONE));
        vm.restore(saved);
        assertThat(vm.promptProperty().get()).isEqualTo("saved prompt");
        assertThat(vm.scaleFor(DIFFUSION)).isEqualTo(2);
        assertThat(vm.snapshot().get("diff").seed()).isEqualTo("7");
    }
}
