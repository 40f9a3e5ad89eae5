package org.srstudio.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.srstudio.ui.common.ManualScheduler;
import org.srstudio.ui.common.UiDispatcher;

/** The compare view's "score the visible region" mode, on a manual clock. */
class VisibleRegionTrackerTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final CompareViewModel vm = new CompareViewModel(
            new ImageCache(CompareViewModelTestLoader.NONE, r -> { }, UiDispatcher.DIRECT), r -> { },
            UiDispatcher.DIRECT, clock);
    private final List<VisibleRegion> reported = new ArrayList<>();
    private final Variant input = CompareViewModelTest.baselines().get(0);
    private final Variant x4 = CompareViewModelTest.result("esrgan", 4);

    @BeforeEach
    void showAnInputAndItsX4Result() {
        List<Variant> all = new ArrayList<>(CompareViewModelTest.baselines());
        all.add(x4);
        vm.setVariants(all);
        vm.viewport().setViewSize(200, 160); // fits the 400 × 320 frame at 50 %
        vm.settledRegionProperty().addListener((obs, o, r) -> reported.add(r));
    }

    private void zoomToFourTimesTheFit() {
        vm.viewport().zoomAt(4, 100, 80);
    }

    @Test
    void turningTheModeOnWithTheWholeFrameInViewKeepsWholeImageScores() {
        vm.scoreVisibleRegionProperty().set(true);
        clock.advance(Duration.ofSeconds(1));
        assertThat(vm.settledRegionProperty().get()).isNull();
    }

    @Test
    void aZoomIsReportedOnceItHasSettledAsTheSameContentInEveryVariant() {
        vm.scoreVisibleRegionProperty().set(true);
        zoomToFourTimesTheFit();
        clock.advance(VisibleRegionTracker.SETTLE.minusMillis(1));
        assertThat(reported).isEmpty();
        clock.advance(Duration.ofMillis(1));
        // frame x 150–250, y 120–200 on screen, widened to the input's 4-pixel grid
        assertThat(reported).containsExactly(new VisibleRegion(148, 120, 104, 80, 400, 320));
        VisibleRegion r = reported.get(0);
        assertThat(r.in(input)).isEqualTo(new PixelRegion(37, 30, 26, 20));
        assertThat(r.in(x4)).isEqualTo(new PixelRegion(148, 120, 104, 80));
    }

    @Test
    void movingAgainBeforeTheViewSettlesReportsOnlyWhereItCameToRest() {
        vm.scoreVisibleRegionProperty().set(true);
        zoomToFourTimesTheFit();
        clock.advance(Duration.ofMillis(200));
        vm.viewport().panBy(40, 0); // 20 frame pixels to the left
        clock.advance(Duration.ofMillis(200));
        vm.viewport().panBy(40, 0);
        clock.advance(Duration.ofMillis(200));
        assertThat(reported).isEmpty();
        clock.advance(Duration.ofMillis(200));
        assertThat(reported).containsExactly(new VisibleRegion(108, 120, 104, 80, 400, 320));
        assertThat(clock.pending()).isZero();
    }

    @Test
    void movementsWhileTheModeIsOffAreNotWatched() {
        zoomToFourTimesTheFit();
        clock.advance(Duration.ofSeconds(1));
        assertThat(reported).isEmpty();
        assertThat(clock.pending()).isZero();
    }

    @Test
    void turningTheModeOnScoresWhatIsInViewAndOffReturnsToTheWholeImage() {
        zoomToFourTimesTheFit();
        vm.scoreVisibleRegionProperty().set(true);
        assertThat(vm.settledRegionProperty().get()).isEqualTo(new VisibleRegion(148, 120, 104, 80, 400, 320));
        vm.viewport().panBy(40, 0);
        vm.scoreVisibleRegionProperty().set(false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(vm.settledRegionProperty().get()).isNull();
        assertThat(reported).hasSize(2).endsWith((VisibleRegion) null);
    }

    @Test
    void aRegionOfAFractionalScaleStillCoversTheVisiblePartOfEveryVariant() {
        VisibleRegion r = new VisibleRegion(10, 10, 30, 20, 400, 320);
        PixelRegion inSmall = r.in(130, 104); // a × 0.325 variant
        assertThat(inSmall.x() / 0.325).isLessThanOrEqualTo(10);
        assertThat((inSmall.x() + inSmall.width()) / 0.325).isGreaterThanOrEqualTo(40);
        assertThat(r.in(1, 1)).isEqualTo(new PixelRegion(0, 0, 1, 1));
    }
}
