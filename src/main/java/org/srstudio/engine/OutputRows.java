package org.srstudio.engine;

import org.srstudio.core.image.FloatImage;

/**
 * The output of one row of tiles: the band of rows it finishes, handed on as it is (no copy), and the few rows
 * below it that its blend ramps reach, which are carried into the next row of tiles.
 */
final class OutputRows {
    private final int width;
    private final int start;
    private final int bandRows;
    private final int tailRows;
    private final float[] band;
    private final float[] tail;

    OutputRows(int width, int start, int end, int tailRows) {
        this.width = width;
        this.start = start;
        this.bandRows = end - start;
        this.tailRows = tailRows;
        this.band = new float[3 * bandRows * width];
        this.tail = new float[3 * tailRows * width];
    }

    FloatImage band() {
        return new FloatImage(width, bandRows, 3, band);
    }

    /** Adds what the row of tiles above left in its tail, which starts where this band does. */
    void addCarried(OutputRows above) {
        if (above.start + above.bandRows != start || above.tailRows > bandRows + tailRows) {
            throw new IllegalStateException("Carried rows do not line up with the band at " + start);
        }
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < above.tailRows; y++) {
                float[] dst = y < bandRows ? band : tail;
                int dstOffset = y < bandRows ? (c * bandRows + y) * width : (c * tailRows + y - bandRows) * width;
                int srcOffset = (c * above.tailRows + y) * width;
                for (int x = 0; x < width; x++) {
                    dst[dstOffset + x] += above.tail[srcOffset + x];
                }
            }
        }
    }

    /** Adds a tile's CHW output, weighted by its blend ramps. */
    void accumulate(float[] tileOut, TileGrid.Tile tile, int scale) {
        int tw = tile.weightX().length;
        int th = tile.weightY().length;
        int ox = tile.x0() * scale;
        int oy = tile.y0() * scale;
        float[] wx = tile.weightX();
        float[] wy = tile.weightY();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < th; y++) {
                float rowWeight = wy[y];
                if (rowWeight == 0f) {
                    continue;
                }
                int row = oy + y - start;
                float[] dst;
                int dstRow;
                if (row >= 0 && row < bandRows) {
                    dst = band;
                    dstRow = c * bandRows + row;
                } else if (row >= bandRows && row < bandRows + tailRows) {
                    dst = tail;
                    dstRow = c * tailRows + row - bandRows;
                } else {
                    throw new IllegalStateException("Tile row " + (oy + y) + " outside the output rows at " + start);
                }
                int src = (c * th + y) * tw;
                int base = dstRow * width + ox;
                for (int x = 0; x < tw; x++) {
                    float w = rowWeight * wx[x];
                    if (w != 0f) {
                        dst[base + x] += w * tileOut[src + x];
                    }
                }
            }
        }
    }
}
