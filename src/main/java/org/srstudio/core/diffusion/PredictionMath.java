package org.srstudio.core.diffusion;

/** Model output → x̂0 (and ε̂) in the ᾱ parameterisation, float32 like diffusers. */
final class PredictionMath {
    private PredictionMath() {
    }

    static float[] originalSample(PredictionType type, float[] out, float[] x, float alphaProd, float betaProd) {
        float[] x0 = new float[x.length];
        float sa = (float) Math.sqrt(alphaProd);
        float sb = (float) Math.sqrt(betaProd);
        switch (type) {
            case EPSILON -> {
                for (int k = 0; k < x0.length; k++) {
                    x0[k] = (x[k] - sb * out[k]) / sa;
                }
            }
            case V_PREDICTION -> {
                for (int k = 0; k < x0.length; k++) {
                    x0[k] = sa * x[k] - sb * out[k];
                }
            }
            case SAMPLE -> System.arraycopy(out, 0, x0, 0, x0.length);
            default -> throw new IllegalStateException("unreachable");
        }
        return x0;
    }

    /** ε̂ as DDIMScheduler derives it (before any clipping of x̂0). */
    static float[] epsilon(PredictionType type, float[] out, float[] x, float[] x0, float alphaProd, float betaProd) {
        float sa = (float) Math.sqrt(alphaProd);
        float sb = (float) Math.sqrt(betaProd);
        switch (type) {
            case EPSILON -> {
                return out;
            }
            case V_PREDICTION -> {
                float[] e = new float[x.length];
                for (int k = 0; k < e.length; k++) {
                    e[k] = sa * out[k] + sb * x[k];
                }
                return e;
            }
            case SAMPLE -> {
                float[] e = new float[x.length];
                for (int k = 0; k < e.length; k++) {
                    e[k] = (x[k] - sa * x0[k]) / sb;
                }
                return e;
            }
            default -> throw new IllegalStateException("unreachable");
        }
    }
}
