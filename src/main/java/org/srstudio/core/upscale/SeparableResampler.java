package org.srstudio.core.upscale;

import org.srstudio.core.image.FloatImage;
import org.srstudio.core.job.JobCancelledException;
import org.srstudio.core.job.JobContext;

/**
 * Two-pass resampling with precomputed weights: rows first (into an intermediate of output width and input
 * height), then columns, the order PIL uses. Values are not clamped: bicubic and Lanczos overshoot [0, 1] near
 * edges and the encoder clamps once at the end.
 */
final class SeparableResampler {
    private SeparableResampler() {
    }

    static FloatImage resize(FloatImage in, int outW, int outH, ResamplingKernel kernel, int threads,
                             JobContext context) throws JobCancelledException {
        int inW = in.width();
        int inH = in.height();
        int channels = in.channels();
        AxisWeights wx = new AxisWeights(kernel, inW, outW);
        AxisWeights wy = new AxisWeights(kernel, inH, outH);
        float[] src = in.data();
        float[] mid = new float[Math.multiplyExact(Math.multiplyExact(outW, inH), channels)];
        float[] dst = new float[Math.multiplyExact(Math.multiplyExact(outW, outH), channels)];
        int hRows = BandRunner.rowsPerBand(inH);
        int vRows = BandRunner.rowsPerBand(outH);
        int hBands = BandRunner.bandCount(inH, hRows);
        int vBands = BandRunner.bandCount(outH, vRows);
        try (BandRunner runner = new BandRunner(threads, context, hBands + vBands)) {
            runner.run(hBands, b -> horizontal(src, mid, inW, inH, outW, channels, wx,
                    b * hRows, Math.min(inH, (b + 1) * hRows)));
            runner.run(vBands, b -> vertical(mid, dst, outW, inH, outH, channels, wy,
                    b * vRows, Math.min(outH, (b + 1) * vRows)));
        }
        return new FloatImage(outW, outH, channels, dst);
    }

    private static void horizontal(float[] src, float[] mid, int inW, int inH, int outW, int channels,
                                   AxisWeights wx, int y0, int y1) {
        int taps = wx.taps;
        int[] start = wx.start;
        int[] count = wx.count;
        float[] w = wx.weights;
        for (int c = 0; c < channels; c++) {
            for (int y = y0; y < y1; y++) {
                int srcRow = (c * inH + y) * inW;
                int midRow = (c * inH + y) * outW;
                for (int x = 0; x < outW; x++) {
                    int s = srcRow + start[x];
                    int k = x * taps;
                    // Unrolled for the interior tap counts of bilinear, bicubic and Lanczos3 upscaling.
                    mid[midRow + x] = switch (count[x]) {
                        case 2 -> src[s] * w[k] + src[s + 1] * w[k + 1];
                        case 4 -> src[s] * w[k] + src[s + 1] * w[k + 1] + src[s + 2] * w[k + 2]
                                + src[s + 3] * w[k + 3];
                        case 6 -> src[s] * w[k] + src[s + 1] * w[k + 1] + src[s + 2] * w[k + 2]
                                + src[s + 3] * w[k + 3] + src[s + 4] * w[k + 4] + src[s + 5] * w[k + 5];
                        default -> {
                            float sum = 0f;
                            for (int t = 0; t < count[x]; t++) {
                                sum += src[s + t] * w[k + t];
                            }
                            yield sum;
                        }
                    };
                }
            }
        }
    }

    private static void vertical(float[] mid, float[] dst, int outW, int inH, int outH, int channels,
                                 AxisWeights wy, int y0, int y1) {
        int taps = wy.taps;
        for (int c = 0; c < channels; c++) {
            for (int y = y0; y < y1; y++) {
                int dstRow = (c * outH + y) * outW;
                int first = wy.start[y];
                int n = wy.count[y];
                int r = (c * inH + first) * outW;
                float[] w = wy.weights;
                int k = y * taps;
                // One pass over the row per output row, all taps at once: a loop the JIT vectorises, reading
                // each intermediate row once instead of read-modify-writing the output once per tap.
                switch (n) {
                    case 2 -> {
                        float w0 = w[k], w1 = w[k + 1];
                        for (int x = 0; x < outW; x++) {
                            dst[dstRow + x] = w0 * mid[r + x] + w1 * mid[r + outW + x];
                        }
                    }
                    case 4 -> {
                        float w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
                        int r1 = r + outW, r2 = r1 + outW, r3 = r2 + outW;
                        for (int x = 0; x < outW; x++) {
                            dst[dstRow + x] = w0 * mid[r + x] + w1 * mid[r1 + x] + w2 * mid[r2 + x]
                                    + w3 * mid[r3 + x];
                        }
                    }
                    case 6 -> {
                        float w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3], w4 = w[k + 4], w5 = w[k + 5];
                        int r1 = r + outW, r2 = r1 + outW, r3 = r2 + outW, r4 = r3 + outW, r5 = r4 + outW;
                        for (int x = 0; x < outW; x++) {
                            dst[dstRow + x] = w0 * mid[r + x] + w1 * mid[r1 + x] + w2 * mid[r2 + x]
                                    + w3 * mid[r3 + x] + w4 * mid[r4 + x] + w5 * mid[r5 + x];
                        }
                    }
                    default -> {
                        for (int t = 0; t < n; t++) {
                            float weight = w[k + t];
                            int row = r + t * outW;
                            for (int x = 0; x < outW; x++) {
                                dst[dstRow + x] += weight * mid[row + x];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Exact pixel replication: output (x, y) copies input (x / scale, y / scale). */
    static FloatImage nearest(FloatImage in, int scale, int threads, JobContext context)
            throws JobCancelledException {
        int inW = in.width();
        int inH = in.height();
        int outW = Math.multiplyExact(inW, scale);
        int outH = Math.multiplyExact(inH, scale);
        int channels = in.channels();
        float[] src = in.data();
        float[] dst = new float[Math.multiplyExact(Math.multiplyExact(outW, outH), channels)];
        int rows = BandRunner.rowsPerBand(outH);
        int bands = BandRunner.bandCount(outH, rows);
        try (BandRunner runner = new BandRunner(threads, context, bands)) {
            runner.run(bands, b -> {
                int y1 = Math.min(outH, (b + 1) * rows);
                for (int c = 0; c < channels; c++) {
                    for (int y = b * rows; y < y1; y++) {
                        int srcRow = (c * inH + y / scale) * inW;
                        int dstRow = (c * outH + y) * outW;
                        for (int x = 0; x < outW; x++) {
                            dst[dstRow + x] = src[srcRow + x / scale];
                        }
                    }
                }
            });
        }
        return new FloatImage(outW, outH, channels, dst);
    }
}
