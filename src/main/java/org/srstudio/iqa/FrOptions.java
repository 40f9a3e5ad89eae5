package org.srstudio.iqa;

/**
 * How PSNR and SSIM compare two images.
 *
 * @param mode  which samples are compared
 * @param shave pixels removed on every border before comparing (the SR papers shave {@code scale} pixels)
 */
public record FrOptions(Mode mode, int shave) {
    /** The sample space of a full-reference comparison. */
    public enum Mode {
        /**
         * Y of BT.601 (MATLAB {@code rgb2ycbcr}), the SR papers' and BasicSR {@code test_y_channel} convention:
         * PSNR on the unrounded Y × 255, SSIM on the rounded Y × 255 (as pyiqa with {@code color_space='ycbcr'}).
         */
        Y_BT601,
        /** Y of YIQ (0.299/0.587/0.114), pyiqa's {@code psnry} and default {@code ssim}. */
        Y_YIQ,
        /** pyiqa's default {@code psnr}: all three RGB channels in [0, 1]; SSIM averages the channels. */
        RGB
    }

    public FrOptions {
        if (mode == null) {
            throw new IllegalArgumentException("A comparison mode is required");
        }
        if (shave < 0) {
            throw new IllegalArgumentException("Shave must not be negative, got " + shave);
        }
    }

    /** The SR papers' protocol at the given upscale factor. */
    public static FrOptions srProtocol(int scale) {
        return new FrOptions(Mode.Y_BT601, scale);
    }

    public static FrOptions defaults() {
        return new FrOptions(Mode.Y_BT601, 0);
    }
}
