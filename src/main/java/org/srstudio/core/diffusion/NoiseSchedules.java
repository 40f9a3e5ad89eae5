package org.srstudio.core.diffusion;

/**
 * Training noise schedules (cumulative alpha products), reproducing the float32 numbers diffusers builds with torch:
 * betas from a float32 linspace (torch's scalar formula: start + step·i below the midpoint, end − step·(n−1−i)
 * above), squared in float32 for scaled_linear; the cumulative product accumulated in double and stored as float32
 * like torch's CPU cumprod. The LDM schedule is computed in float64 (numpy) and stored as float32.
 */
public final class NoiseSchedules {
    private NoiseSchedules() {
    }

    public static float[] alphasCumprod(SamplerConfig c) {
        if (c.type() == SamplerType.DDIM_LDM) {
            return ldmAlphasCumprod(c.betaStart(), c.betaEnd(), c.numTrainTimesteps());
        }
        return cumprod(betas(c.betaSchedule(), c.betaStart(), c.betaEnd(), c.numTrainTimesteps()));
    }

    public static float[] betas(BetaSchedule schedule, double start, double end, int n) {
        float[] b = new float[n];
        switch (schedule) {
            case LINEAR -> linspaceFloat(start, end, b);
            case SCALED_LINEAR -> {
                linspaceFloat(Math.sqrt(start), Math.sqrt(end), b);
                for (int i = 0; i < n; i++) {
                    b[i] = b[i] * b[i];
                }
            }
            case SQUAREDCOS_CAP_V2 -> {
                for (int i = 0; i < n; i++) {
                    double t1 = (double) i / n;
                    double t2 = (double) (i + 1) / n;
                    b[i] = (float) Math.min(1 - cosineAlphaBar(t2) / cosineAlphaBar(t1), 0.999);
                }
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return b;
    }

    private static double cosineAlphaBar(double t) {
        double c = Math.cos((t + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    private static void linspaceFloat(double startD, double endD, float[] out) {
        int n = out.length;
        float start = (float) startD;
        float end = (float) endD;
        float step = (end - start) / (n - 1);
        int halfway = n / 2;
        for (int i = 0; i < n; i++) {
            out[i] = i < halfway ? start + step * i : end - step * (n - i - 1);
        }
    }

    private static float[] cumprod(float[] betas) {
        float[] ac = new float[betas.length];
        double acc = 1.0;
        for (int i = 0; i < betas.length; i++) {
            float alpha = 1f - betas[i];
            acc *= alpha;
            ac[i] = (float) acc;
        }
        return ac;
    }

    /** LDM make_beta_schedule("linear") in float64: betas = linspace(√start, √end, n)², then cumprod. */
    public static float[] ldmAlphasCumprod(double start, double end, int n) {
        double a = Math.sqrt(start);
        double b = Math.sqrt(end);
        double step = (b - a) / (n - 1);
        float[] ac = new float[n];
        double acc = 1.0;
        int halfway = n / 2;
        for (int i = 0; i < n; i++) {
            double v = i < halfway ? a + step * i : b - step * (n - i - 1);
            acc *= 1.0 - v * v;
            ac[i] = (float) acc;
        }
        return ac;
    }
}
