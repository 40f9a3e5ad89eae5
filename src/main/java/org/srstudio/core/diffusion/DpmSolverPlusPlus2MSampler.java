package org.srstudio.core.diffusion;

/**
 * diffusers DPMSolverMultistepScheduler with algorithm dpmsolver++, solver midpoint, order 2, final sigma 0. Works
 * on x̂0 predictions: first-order (DDIM-like) at the first step and at the last (final sigma 0 forces it, so
 * lower_order_final changes nothing for order 2), second-order midpoint in between. σ_t, α_t = 1/sqrt(σ²+1),
 * λ = log α − log σ, all scalars in float32 as diffusers computes them.
 */
final class DpmSolverPlusPlus2MSampler extends AlphaBarSampler {
    private final float[] sigmas;
    private float[] previousX0;
    private int lowerOrderNums;
    private int nextStep;

    DpmSolverPlusPlus2MSampler(SamplerConfig config, float[] alphasCumprod, int[] timesteps) {
        super(config, alphasCumprod, timesteps);
        sigmas = new float[timesteps.length + 1];
        for (int i = 0; i < timesteps.length; i++) {
            float ac = alphasCumprod[timesteps[i]];
            sigmas[i] = (float) Math.sqrt((1f - ac) / ac);
        }
        sigmas[timesteps.length] = 0f;
    }

    @Override
    public float[] step(float[] modelOutput, int i, float[] x, NoiseSource noise) {
        Latents.requireSameLength(x, modelOutput, "model output");
        if (i != nextStep) {
            throw new IllegalStateException("DPM-Solver++ steps must run in order: expected step " + nextStep + ", got " + i + ".");
        }
        int n = timesteps.length;
        // final_sigmas_type "zero" makes diffusers take the first-order update at the last step whatever the order.
        boolean lowerOrderFinal = i == n - 1;
        float[] x0 = convert(modelOutput, x, sigmas[i]);
        float[] out;
        if (lowerOrderNums < 1 || lowerOrderFinal) {
            out = firstOrder(x0, x, i);
        } else {
            out = secondOrder(x0, previousX0, x, i);
        }
        if (lowerOrderNums < 2) {
            lowerOrderNums++;
        }
        previousX0 = x0;
        nextStep++;
        return out;
    }

    private float[] convert(float[] m, float[] x, float sigma) {
        float alphaT = 1f / (float) Math.sqrt(sigma * sigma + 1f);
        float sigmaT = sigma * alphaT;
        float[] x0 = new float[x.length];
        switch (config.predictionType()) {
            case EPSILON -> {
                for (int k = 0; k < x0.length; k++) {
                    x0[k] = (x[k] - sigmaT * m[k]) / alphaT;
                }
            }
            case V_PREDICTION -> {
                for (int k = 0; k < x0.length; k++) {
                    x0[k] = alphaT * x[k] - sigmaT * m[k];
                }
            }
            case SAMPLE -> System.arraycopy(m, 0, x0, 0, x0.length);
            default -> throw new IllegalStateException("unreachable");
        }
        return x0;
    }

    private static float lambda(float alpha, float sigma) {
        return (float) Math.log(alpha) - (float) Math.log(sigma);
    }

    private float[] firstOrder(float[] x0, float[] x, int i) {
        float sT = sigmas[i + 1];
        float sS = sigmas[i];
        float alphaT = 1f / (float) Math.sqrt(sT * sT + 1f);
        float sigmaT = sT * alphaT;
        float alphaS = 1f / (float) Math.sqrt(sS * sS + 1f);
        float sigmaS = sS * alphaS;
        float h = lambda(alphaT, sigmaT) - lambda(alphaS, sigmaS);
        float cx = sigmaT / sigmaS;
        float c0 = alphaT * ((float) Math.exp(-h) - 1f);
        float[] out = new float[x.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = cx * x[k] - c0 * x0[k];
        }
        return out;
    }

    private float[] secondOrder(float[] m0, float[] m1, float[] x, int i) {
        float sT = sigmas[i + 1];
        float sS0 = sigmas[i];
        float sS1 = sigmas[i - 1];
        float alphaT = 1f / (float) Math.sqrt(sT * sT + 1f);
        float sigmaT = sT * alphaT;
        float alphaS0 = 1f / (float) Math.sqrt(sS0 * sS0 + 1f);
        float sigmaS0 = sS0 * alphaS0;
        float alphaS1 = 1f / (float) Math.sqrt(sS1 * sS1 + 1f);
        float sigmaS1 = sS1 * alphaS1;
        float lambdaT = lambda(alphaT, sigmaT);
        float lambdaS0 = lambda(alphaS0, sigmaS0);
        float lambdaS1 = lambda(alphaS1, sigmaS1);
        float h = lambdaT - lambdaS0;
        float h0 = lambdaS0 - lambdaS1;
        float r0 = h0 / h;
        float invR0 = 1f / r0;
        float cx = sigmaT / sigmaS0;
        float c0 = alphaT * ((float) Math.exp(-h) - 1f);
        float c1 = 0.5f * c0;
        float[] out = new float[x.length];
        for (int k = 0; k < out.length; k++) {
            float d1 = invR0 * (m0[k] - m1[k]);
            out[k] = cx * x[k] - c0 * m0[k] - c1 * d1;
        }
        return out;
    }
}
