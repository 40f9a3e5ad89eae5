package org.srstudio.core.prompt;

/**
 * What {@link QualityDescriber} measured on an image; grey levels are on the 0–255 scale of the luma
 * Y = 0.299 R + 0.587 G + 0.114 B, fractions and luma statistics on 0–1.
 *
 * @param laplacianVariance variance of the 4-neighbour Laplacian of luma (the classic focus measure; depends on content)
 * @param edgeSpread        estimated blur radius of edges in pixels, noise removed: about 0.5 for a perfect step edge,
 *                          about σ for an edge blurred by a Gaussian of σ; NaN when the image has no edges to judge
 * @param noiseSigma        standard deviation of white noise in grey levels (Immerkær's operator, median-based)
 * @param blockiness        how much one of the 8 column/row phases collects more small isolated luma steps than the
 *                          others (1 = no block grid; JPEG at quality 90 and below gives about 3 and more)
 * @param contrast          standard deviation of luma (RMS contrast)
 * @param dynamicRange      1st to 99th percentile of luma
 * @param meanLuma          mean luma
 * @param clippedDark       fraction of pixels at luma ≤ 2/255
 * @param clippedBright     fraction of pixels at luma ≥ 253/255
 * @param colorfulness      Hasler–Süsstrunk colourfulness on the 0–255 scale (0 for grey images)
 * @param gray              whether the image has no colour
 */
public record QualityMeasurements(double laplacianVariance, double edgeSpread, double noiseSigma, double blockiness,
                                  double contrast, double dynamicRange, double meanLuma, double clippedDark,
                                  double clippedBright, double colorfulness, boolean gray) {
}
