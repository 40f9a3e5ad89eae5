package org.srstudio.core.diffusion;

/**
 * Inference timesteps exactly as diffusers' set_timesteps computes them with numpy (round half to even, numpy's
 * linspace and arange arithmetic), plus the LDM uniform DDIM spacing.
 */
final class TimestepSchedules {
    private TimestepSchedules() {
    }

    /** DDPMScheduler / DDIMScheduler.set_timesteps: whole timesteps, descending. */
    static int[] discrete(TimestepSpacing spacing, int trainSteps, int n, int stepsOffset) {
        int[] t = new int[n];
        switch (spacing) {
            case LINSPACE -> {
                double[] lin = linspace(0, trainSteps - 1, n);
                for (int i = 0; i < n; i++) {
                    t[i] = (int) Math.rint(lin[n - 1 - i]);
                }
            }
            case LEADING -> {
                int ratio = trainSteps / n;
                for (int i = 0; i < n; i++) {
                    t[i] = (n - 1 - i) * ratio + stepsOffset;
                }
            }
            case TRAILING -> {
                double[] ar = trailingGrid(trainSteps, n);
                for (int i = 0; i < n; i++) {
                    t[i] = (int) Math.rint(ar[i]) - 1;
                }
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return t;
    }

    /** diffusers' trailing grid, arange(train, 0, -train/n), which must hold exactly n points. */
    private static double[] trailingGrid(int trainSteps, int n) {
        double[] ar = arange(trainSteps, 0, -(double) trainSteps / n);
        if (ar.length != n) {
            throw new IllegalArgumentException("Trailing spacing cannot place " + n + " steps in " + trainSteps + " training steps.");
        }
        return ar;
    }

    /** EulerDiscreteScheduler.set_timesteps: float32 timesteps (fractional for linspace), descending. */
    static float[] euler(TimestepSpacing spacing, int trainSteps, int n, int stepsOffset) {
        float[] t = new float[n];
        switch (spacing) {
            case LINSPACE -> {
                double[] lin = linspace(0, trainSteps - 1, n);
                for (int i = 0; i < n; i++) {
                    t[i] = (float) lin[n - 1 - i];
                }
            }
            case LEADING -> {
                int ratio = trainSteps / n;
                for (int i = 0; i < n; i++) {
                    t[i] = (float) ((n - 1 - i) * ratio) + (float) stepsOffset;
                }
            }
            case TRAILING -> {
                double[] ar = trailingGrid(trainSteps, n);
                for (int i = 0; i < n; i++) {
                    t[i] = (float) Math.rint(ar[i]) - 1f;
                }
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return t;
    }

    /** DPMSolverMultistepScheduler.set_timesteps (lambda_min_clipped = −inf): whole timesteps, descending. */
    static int[] dpmSolver(TimestepSpacing spacing, int trainSteps, int n, int stepsOffset) {
        int[] t = new int[n];
        switch (spacing) {
            case LINSPACE -> {
                double[] lin = linspace(0, trainSteps - 1, n + 1);
                for (int i = 0; i < n; i++) {
                    t[i] = (int) Math.rint(lin[n - i]);
                }
            }
            case LEADING -> {
                int ratio = trainSteps / (n + 1);
                for (int i = 0; i < n; i++) {
                    t[i] = (n - i) * ratio + stepsOffset;
                }
            }
            case TRAILING -> {
                double[] ar = trailingGrid(trainSteps, n);
                for (int i = 0; i < n; i++) {
                    t[i] = (int) Math.rint(ar[i]) - 1;
                }
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return t;
    }

    /**
     * LDM make_ddim_timesteps("uniform") + 1, descending. Like the original, a step count that does not divide T
     * yields ceil(T / (T div n)) timesteps, which can be more than asked for.
     */
    static int[] ldmUniform(int trainSteps, int n) {
        int c = trainSteps / n;
        int count = (trainSteps + c - 1) / c;
        int[] t = new int[count];
        for (int k = 0; k < count; k++) {
            t[count - 1 - k] = k * c + 1;
        }
        return t;
    }

    /** numpy.linspace(start, stop, num) with endpoint: i·step + start, last element exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        if (num == 1) {
            y[0] = start;
            return y;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    /** numpy.arange(start, stop, step) for doubles: length ceil((stop − start)/step), values start + i·(first delta). */
    static double[] arange(double start, double stop, double step) {
        int len = (int) Math.ceil((stop - start) / step);
        double[] y = new double[Math.max(len, 0)];
        double delta = (start + step) - start;
        for (int i = 0; i < y.length; i++) {
            y[i] = i == 0 ? start : start + i * delta;
        }
        return y;
    }
}
