package org.srstudio.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewportModelTest {
    private final ViewportModel viewport = new ViewportModel();

    @BeforeEach
    void setUp() {
        viewport.setViewSize(800, 600);
        viewport.setContentSize(4000, 2000);
    }

    @Test
    void fitShowsTheWholeContentCentred() {
        assertThat(viewport.zoom()).isEqualTo(0.2);
        assertThat(viewport.toScreenX(0)).isEqualTo(0.0);
        assertThat(viewport.toScreenX(4000)).isEqualTo(800.0);
        assertThat(viewport.toScreenY(1000)).isEqualTo(300.0);
    }

    @Test
    void wheelZoomKeepsThePointUnderTheCursor() {
        double cx = viewport.toContentX(620);
        double cy = viewport.toContentY(110);
        viewport.zoomAt(3.7, 620, 110);
        assertThat(viewport.toContentX(620)).isCloseTo(cx, within(1e-9));
        assertThat(viewport.toContentY(110)).isCloseTo(cy, within(1e-9));
        assertThat(viewport.fittingProperty().get()).isFalse();
    }

    @Test
    void zoomStopsAt3200Percent() {
        for (int i = 0; i < 100; i++) {
            viewport.zoomAt(2, 400, 300);
        }
        assertThat(viewport.zoom()).isEqualTo(ViewportModel.MAX_ZOOM);
    }

    @Test
    void dragMovesTheContentWithThePointer() {
        viewport.actualSize();
        double before = viewport.toContentX(100);
        viewport.panBy(50, 0);
        assertThat(viewport.toContentX(150)).isCloseTo(before, within(1e-9));
    }

    @Test
    void resizingRefitsOnlyWhileFitting() {
        viewport.setViewSize(400, 300);
        assertThat(viewport.zoom()).isEqualTo(0.1);
        viewport.actualSize();
        viewport.setViewSize(800, 600);
        assertThat(viewport.zoom()).isEqualTo(1.0);
    }
}
