package org.srstudio.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.store.Provenance;
import org.srstudio.ui.common.ManualScheduler;
import org.srstudio.ui.common.UiDispatcher;

class CompareViewModelTest {
    private static final Path INPUT = Path.of("/in/photo.png");
    private final CompareViewModel vm = new CompareViewModel(
            new ImageCache(CompareViewModelTestLoader.NONE, r -> { }, UiDispatcher.DIRECT), r -> { }, UiDispatcher.DIRECT, new ManualScheduler());

    static Variant result(String model, int scale) {
        Provenance p = new Provenance(INPUT.toString(), "00", 100, 80, model, "1", scale, ModelParameters.DEFAULTS, 0,
                "cpu", 0, 10, Instant.EPOCH, "test", Map.of());
        return Variant.result(Path.of("/store/" + model + ".png"), model, p);
    }

    static List<Variant> baselines() {
        return List.of(Variant.baseline(INPUT, 100, 80, VariantKind.INPUT_NEAREST),
                Variant.baseline(INPUT, 100, 80, VariantKind.INPUT_SMOOTH));
    }

    private static List<Variant> with(Variant... results) {
        List<Variant> all = new java.util.ArrayList<>(baselines());
        all.addAll(List.of(results));
        return all;
    }

    @Test
    void aNewResultReplacesTheBaselineOnSideB() {
        vm.setVariants(baselines());
        assertThat(vm.b().kind()).isEqualTo(VariantKind.INPUT_SMOOTH);
        Variant esrgan = result("esrgan", 4);
        vm.setVariants(with(esrgan));
        assertThat(vm.b()).isEqualTo(esrgan);
    }

    @Test
    void twoResultsAreComparedWithEachOther() {
        Variant esrgan = result("esrgan", 4);
        Variant supir = result("supir", 4);
        vm.setVariants(with(esrgan));
        vm.setVariants(with(esrgan, supir));
        assertThat(List.of(vm.a(), vm.b())).containsExactly(esrgan, supir);
    }

    @Test
    void contentIsTheLargestVariant() {
        vm.setVariants(with(result("esrgan", 4)));
        assertThat(vm.viewport().contentWidth()).isEqualTo(400.0);
        assertThat(vm.viewport().contentHeight()).isEqualTo(320.0);
    }

    @Test
    void flipAlternatesBetweenAAndB() {
        vm.setVariants(with(result("esrgan", 4)));
        Variant first = vm.shownProperty().get();
        vm.flip();
        assertThat(vm.shownProperty().get()).isNotEqualTo(first).isIn(vm.a(), vm.b());
        vm.flip();
        assertThat(vm.shownProperty().get()).isEqualTo(first);
    }

    @Test
    void numberKeyShowsThatVariantInToggleMode() {
        vm.setVariants(with(result("esrgan", 4)));
        vm.jumpTo(3);
        assertThat(vm.mode()).isEqualTo(CompareMode.TOGGLE);
        assertThat(vm.shownProperty().get().modelId()).isEqualTo("esrgan");
        vm.jumpTo(9);
        assertThat(vm.shownProperty().get().modelId()).isEqualTo("esrgan");
    }

    @Test
    void gridShowsAAndBFirstThenTheRest() {
        Variant esrgan = result("esrgan", 4);
        Variant supir = result("supir", 4);
        vm.setVariants(with(esrgan, supir));
        vm.gridCountProperty().set(3);
        assertThat(vm.gridVariants()).hasSize(3).startsWith(esrgan, supir);
        vm.gridCountProperty().set(9);
        assertThat(vm.gridCountProperty().get()).isEqualTo(4);
    }

    @Test
    void dividerStaysBetweenTheEdges() {
        vm.dividerProperty().set(1.7);
        assertThat(vm.dividerProperty().get()).isEqualTo(1.0);
    }
}
