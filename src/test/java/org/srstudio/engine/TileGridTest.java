package org.srstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileGridTest {
    @Test
    void blendWeightsSumToOneEverywhere() {
        TileGrid grid = new TileGrid(100, 80, 30, 12, 6);
        int s = 3;
        double[] sum = new double[300 * 240];
        for (TileGrid.Tile t : grid.tiles(s)) {
            for (int y = 0; y < t.weightY().length; y++) {
                for (int x = 0; x < t.weightX().length; x++) {
                    sum[(t.y0() * s + y) * 300 + t.x0() * s + x] += t.weightY()[y] * t.weightX()[x];
                }
            }
        }
        for (double v : sum) {
            assertThat(v).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(grid.count()).isEqualTo(12);
    }

    @Test
    void tilesReadOnlyInsideTheImageWithTheirContext() {
        TileGrid grid = new TileGrid(100, 80, 30, 12, 6);
        for (TileGrid.Tile t : grid.tiles(1)) {
            assertThat(t.x0()).isBetween(0, 100);
            assertThat(t.x0() + t.w()).isLessThanOrEqualTo(100);
            assertThat(t.y0() + t.h()).isLessThanOrEqualTo(80);
            assertThat(t.w()).isLessThanOrEqualTo(25 + 2 * 12);
        }
    }

    @Test
    void oneCoreCoveringTheImageIsASingleUnweightedTile() {
        TileGrid grid = new TileGrid(40, 30, 40, 0, 0);
        assertThat(grid.isSingle()).isTrue();
        TileGrid.Tile only = grid.tiles(4).get(0);
        assertThat(only.w()).isEqualTo(40);
        for (float w : only.weightX()) {
            assertThat(w).isEqualTo(1f);
        }
    }
}
