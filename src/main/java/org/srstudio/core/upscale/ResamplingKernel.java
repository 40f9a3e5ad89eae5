package org.srstudio.core.upscale;

/**
 * The separable filters of the classical upscalers, with the support and formulas of PIL's {@code Resample.c}
 * so that results can be checked against {@code Image.resize}.
 */
public enum ResamplingKernel {
    /** Triangle filter: bilinear interpolation between pixel centres. */
    BILINEAR(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            return ax < 1.0 ? 1.0 - ax : 0.0;
        }
    },
    /** Keys cubic convolution with a = -0.5 (Catmull-Rom). */
    BICUBIC(2.0) {
        @Override
        double weight(double x) {
            final double a = -0.5;
            double ax = Math.abs(x);
            if (ax < 1.0) {
                return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1.0;
            }
            if (ax < 2.0) {
                return (((ax - 5.0) * ax + 8.0) * ax - 4.0) * a;
            }
            return 0.0;
        }
    },
    /** Sinc windowed by sinc, three lobes. */
    LANCZOS3(3.0) {
        @Override
        double weight(double x) {
            if (x >= -3.0 && x < 3.0) {
                return sinc(x) * sinc(x / 3.0);
            }
            return 0.0;
        }
    };

    private final double support;

    ResamplingKernel(double support) {
        this.support = support;
    }

    /** Half-width of the filter in input pixels (for upscaling, where the filter is not stretched). */
    public double support() {
        return support;
    }

    abstract double weight(double x);

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        return Math.sin(px) / px;
    }
}
