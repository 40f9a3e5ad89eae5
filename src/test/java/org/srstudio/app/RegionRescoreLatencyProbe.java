package org.srstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.iqa.ScoringService;
import org.srstudio.testing.LearnedMetricFixture;
import org.srstudio.testing.SharedData;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.compare.Variant;
import org.srstudio.ui.compare.VariantKind;
import org.srstudio.ui.compare.VisibleRegion;
import org.srstudio.ui.scores.ScoresViewModel;

/**
 * How long the scores table takes to rescore a visible region with the real metrics (NIQE, BRISQUE, PIQE and
 * the tiny learned metric) for a 512 × 384 input and its 2048 × 1536 ×4 enlargement, after the debounce.
 * Not part of the suite (no *Test name); run with -Dtest=RegionRescoreLatencyProbe.
 */
class RegionRescoreLatencyProbe {
    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        Path models = tmp.resolve("models");
        Path params = SharedData.require("iqa/params");
        Files.createDirectories(models.resolve("iqa"));
        try (var files = Files.list(params)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, models.resolve("iqa").resolve(f.getFileName()));
            }
        }
        LearnedMetricFixture.installInto(models);
        Path input = SharedData.require("iqa/calibration/dist/I04.bmp");
        BufferedImage small = ImageIO.read(input.toFile());
        BufferedImage big = new BufferedImage(small.getWidth() * 4, small.getHeight() * 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(small, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        Path x4 = tmp.resolve("x4.png");
        ImageIO.write(big, "png", x4.toFile());

        try (ScoringService service = Studio.scoring(new StudioPaths(models, tmp.resolve("data")))) {
            ScoresViewModel vm = new ScoresViewModel(new IqaVariantScorer(service, new ImageDecoder()), Runnable::run,
                    UiDispatcher.DIRECT);
            long t0 = System.nanoTime();
            vm.show(List.of(Variant.baseline(input, 512, 384, VariantKind.INPUT_NEAREST),
                    new Variant(x4.toString(), "x4", VariantKind.MODEL, x4, 2048, 1536, "bicubic", Optional.empty())));
            report("whole image, first time (model load included)", t0, vm);
            for (VisibleRegion r : List.of(new VisibleRegion(512, 384, 1024, 768, 2048, 1536),
                    new VisibleRegion(768, 576, 512, 384, 2048, 1536),
                    new VisibleRegion(1024, 512, 512, 384, 2048, 1536),
                    new VisibleRegion(768, 576, 512, 384, 2048, 1536))) {
                long t = System.nanoTime();
                vm.setRegion(r);
                report("region " + r.describe(), t, vm);
            }
            long t = System.nanoTime();
            vm.setRegion(null);
            report("back to whole image", t, vm);
            assertThat(vm.rows()).allMatch(row -> row.scores().containsKey("niqe") && row.scores().containsKey("tiny-mean"));
        }
    }

    private static void report(String what, long t0, ScoresViewModel vm) {
        System.out.printf("%-50s %6d ms  %s%n", what, (System.nanoTime() - t0) / 1_000_000,
                vm.rows().stream().map(r -> r.label() + " " + r.scores() + " " + r.notes()).toList());
    }
}
