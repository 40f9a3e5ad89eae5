/**
 * Engine-free parts of diffusion super-resolution: samplers ({@link org.srstudio.core.diffusion.Sampler}, built by
 * {@link org.srstudio.core.diffusion.Samplers} from the manifest's {@link org.srstudio.core.diffusion.SamplerConfig}),
 * seeded noise, classifier-free guidance, latent tiling and colour fixes. Everything works on flat float arrays or
 * {@link org.srstudio.core.image.FloatImage}; the engine layer copies tensors in and out.
 *
 * <p>Reference: the samplers reproduce diffusers v0.29.1's DDPM, DDIM, EulerDiscrete, DPMSolverMultistep
 * (dpmsolver++, order 2) and FlowMatchEulerDiscrete schedulers and the latent-diffusion DDIM sampler to float32
 * rounding; the tables under src/test/resources/fixtures/samplers come from tools/fixtures/make_sampler_reference.py.
 */
package org.srstudio.core.diffusion;
