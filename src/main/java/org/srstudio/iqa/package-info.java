/**
 * Classical image-quality metrics, pure Java, following pyiqa's conventions so that numbers can be compared with
 * papers: NIQE and BRISQUE on round(255·Y) of YIQ, PIQE on the unrounded Y, PSNR/SSIM on BT.601 Y with the SR
 * papers' border shave (pyiqa's RGB/YIQ variants as options).
 *
 * <p>One deliberate deviation: MSCN values below {@link org.srstudio.iqa.Mscn#FLAT_NOISE} are set to 0. In flat
 * areas those values are floating-point noise whose signs depend on summation order and move NIQE/BRISQUE by
 * several percent between implementations (pyiqa's own tests allow 6 %/8 %); zeroing them makes the scores
 * reproducible and brings flat images closer to the LIVE MATLAB originals. Textured images are unaffected.
 *
 * <p>NIQE and BRISQUE need parameter files the user supplies in {@code models/iqa/} (see
 * {@link org.srstudio.iqa.params.IqaParameters}); PIQE, PSNR and SSIM need none.
 * {@link org.srstudio.iqa.ScoringService} scores asynchronously with a cache.
 */
package org.srstudio.iqa;
