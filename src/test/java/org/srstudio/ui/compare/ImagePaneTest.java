package org.srstudio.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.srstudio.bench.LayoutCountingParent;
import org.junit.jupiter.api.extension.ExtendWith;
import org.srstudio.ui.common.TestPixels;
import org.srstudio.ui.common.UiDispatcher;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ImagePaneTest {
    private final ViewportModel viewport = new ViewportModel();
    /** Background work queued by hand, so a test decides when a level is ready. */
    private final List<Runnable> queued = new ArrayList<>();
    private final DisplayLevels levels = new DisplayLevels(queued::add, UiDispatcher.DIRECT);
    private final ImagePane pane = new ImagePane(viewport, levels);
    private final LayoutCountingParent parent = new LayoutCountingParent(pane);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(parent, 40, 30));
        stage.show();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void atOneTenthTheImageIsDrawnPixelForPixelFromItsBoxAveragedLevel() throws Exception {
        WritableImage image = TestPixels.noise(400, 300, 7);
        Image shown = fx(() -> {
            viewport.setContentSize(400, 300);
            pane.imageAProperty().set(image);
            parent.layout();
            runQueued(); // the 40 × 30 level is made
            parent.layout();
            return pane.snapshot(null, null);
        });

        assertThat(viewport.zoom()).isEqualTo(0.1);
        assertThat(shown.getWidth()).isEqualTo(40);
        assertThat(shown.getHeight()).isEqualTo(30);
        TestPixels.assertBlockMeans(shown, image, 10);
    }

    @Test
    void theLevelForAOneTenthScaleIsTheOnScreenSizeAndStandsInForTheNextUntilThatIsMade() throws Exception {
        WritableImage image = new WritableImage(400, 300);
        Image first = fx(() -> {
            levels.levelFor(image, 40, 30);
            runQueued();
            return levels.levelFor(image, 40, 30);
        });
        assertThat(first.getWidth()).isEqualTo(40);
        assertThat(first.getHeight()).isEqualTo(30);

        Image whileMaking = fx(() -> levels.levelFor(image, 36, 27));
        assertThat(whileMaking).isSameAs(first);
        Image made = fx(() -> {
            runQueued();
            return levels.levelFor(image, 36, 27);
        });
        assertThat(made.getWidth()).isEqualTo(36);
    }

    @Test
    void aSizeAskedForWhileAnotherIsBeingMadeIsMadeOnlyIfAskedForAgain() throws Exception {
        WritableImage image = new WritableImage(400, 300);
        int queuedWhileBusy = fx(() -> {
            levels.levelFor(image, 40, 30);
            levels.levelFor(image, 38, 28); // a zoom gesture passing through
            return queued.size();
        });
        assertThat(queuedWhileBusy).isEqualTo(1);

        int queuedAfter = fx(() -> {
            runQueued();
            return queued.size();
        });
        assertThat(queuedAfter).isZero();
    }

    @Test
    void movingTheDividerRedrawsThePaneWithoutLayingOutItsParent() throws Exception {
        WritableImage image = new WritableImage(40, 30);
        int[] before = fx(() -> {
            viewport.setContentSize(40, 30);
            pane.imageAProperty().set(image);
            pane.imageBProperty().set(image);
            pane.splitProperty().set(true);
            parent.layout();
            return new int[] {parent.layouts(), (int) pane.drawCount()};
        });

        int[] after = fx(() -> {
            for (int i = 1; i <= 5; i++) {
                pane.dividerProperty().set(i / 10.0);
                parent.layout();
            }
            return new int[] {parent.layouts(), (int) pane.drawCount()};
        });

        assertThat(after[0]).isEqualTo(before[0]);
        assertThat(after[1]).isEqualTo(before[1] + 5);
    }

    /** A 600 × 100 pane (five strips) showing a split of two noise images magnified 1.37 times, A smoothed. */
    private static ImagePane widePane(ViewportModel viewport, DisplayLevels levels, Image a, Image b) {
        ImagePane wide = new ImagePane(viewport, levels);
        StackPane root = new StackPane(wide);
        new Scene(root, 600, 100);
        viewport.setContentSize(a.getWidth(), a.getHeight());
        wide.imageAProperty().set(a);
        wide.imageBProperty().set(b);
        wide.smoothAProperty().set(true);
        wide.labelAProperty().set("input");
        wide.labelBProperty().set("model");
        wide.splitProperty().set(true);
        root.layout();
        viewport.zoomAt(1.37 / viewport.zoom(), 300, 50);
        root.layout();
        return wide;
    }

    /** The same scene drawn whole on a fresh pane, set up like the one under test. */
    private Image drawnFromScratch(Image a, Image b, Consumer<ImagePane> setUp) {
        ImagePane reference = widePane(new ViewportModel(), levels, a, b);
        setUp.accept(reference);
        reference.requestRedraw();
        reference.getParent().layout();
        return reference.snapshot(null, null);
    }

    private static void assertSamePixels(Image actual, Image expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        for (int y = 0; y < (int) expected.getHeight(); y++) {
            for (int x = 0; x < (int) expected.getWidth(); x++) {
                assertThat(actual.getPixelReader().getArgb(x, y)).as("pixel %d,%d", x, y)
                        .isEqualTo(expected.getPixelReader().getArgb(x, y));
            }
        }
    }

    @Test
    void movingTheDividerRedrawsOnlyTheStripsItCrossedAndLeavesWhatAFullRedrawWouldShow() throws Exception {
        WritableImage a = TestPixels.noise(600, 100, 1);
        WritableImage b = TestPixels.noise(600, 100, 2);
        Object[] result = fx(() -> {
            ImagePane pane = widePane(new ViewportModel(), levels, a, b);
            int stripsWhenShown = pane.lastStripsDrawn();
            // Leftwards, ending just right of the second strip's end: the handle reaches into that strip.
            for (double screenX : new double[] {280, 270, 259}) {
                pane.dividerProperty().set(pane.contentX(screenX) / 600);
                pane.getParent().layout();
            }
            int stripsPerStep = pane.lastStripsDrawn();
            return new Object[] {stripsWhenShown, stripsPerStep, pane.snapshot(null, null),
                    drawnFromScratch(a, b, reference -> reference.dividerProperty().set(pane.dividerProperty().get()))};
        });

        assertThat((int) result[0]).isEqualTo(5);
        assertThat((int) result[1]).isBetween(1, 2);
        assertSamePixels((Image) result[2], (Image) result[3]);
    }

    @Test
    void movingTheLoupeRedrawsOnlyTheStripsUnderItsOldAndNewDisc() throws Exception {
        WritableImage a = TestPixels.noise(600, 100, 3);
        WritableImage b = TestPixels.noise(600, 100, 4);
        Object[] result = fx(() -> {
            ImagePane pane = widePane(new ViewportModel(), levels, a, b);
            pane.loupeProperty().set(true);
            pane.getParent().layout();
            moveMouse(pane, 200, 40);
            pane.getParent().layout();
            moveMouse(pane, 215, 45);
            pane.getParent().layout();
            int strips = pane.lastStripsDrawn();
            return new Object[] {strips, pane.snapshot(null, null), drawnFromScratch(a, b, reference -> {
                reference.loupeProperty().set(true);
                moveMouse(reference, 215, 45);
            })};
        });

        // Discs of radius 84, and their 2 px border, around x = 200 and 215 span x 114..301: the first three strips.
        assertThat((int) result[0]).isEqualTo(3);
        assertSamePixels((Image) result[1], (Image) result[2]);
    }

    private static void moveMouse(ImagePane pane, double x, double y) {
        Event.fireEvent(pane, new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0, false, false,
                false, false, false, false, false, false, false, false, null));
    }
}
