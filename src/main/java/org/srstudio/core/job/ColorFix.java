package org.srstudio.core.job;

/** How a diffusion result's colours are pulled back to the input's: none, AdaIN statistics, or wavelet low band. */
public enum ColorFix {
    NONE, ADAIN, WAVELET
}
