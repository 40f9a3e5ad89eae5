package org.srstudio.iqa;

import java.util.ArrayList;
import java.util.List;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * PSNR and SSIM between an image and its reference. SSIM is Wang et al. 2004 as pyiqa {@code ssim}: 11 × 11
 * Gaussian (σ = 1.5), K = (0.01, 0.03), L = 255, 'valid' filtering, no downsampling, the contrast-structure
 * term clamped at 0, mean of the map. Identical images have an infinite PSNR in the Y modes (as BasicSR) and
 * 80 dB in RGB mode (pyiqa's 1e-8 guard).
 */
public final class FullReference {
    private static final int SSIM_WINDOW = 11;
    private static final GaussianFilter SSIM_FILTER = new GaussianFilter(SSIM_WINDOW, 1.5);

    private FullReference() {
    }

    public static double psnr(FloatImage image, FloatImage reference, FrOptions options) throws StudioException {
        checkPair(image, reference, options, 1);
        if (options.mode() == FrOptions.Mode.RGB) {
            double sum = 0;
            long n = 0;
            for (Plane[] pair : rgbPlanes(image, reference, options.shave())) {
                double[] a = pair[0].data();
                double[] b = pair[1].data();
                for (int i = 0; i < a.length; i++) {
                    double d = a[i] - b[i];
                    sum += d * d;
                }
                n += a.length;
            }
            return 10 * Math.log10(1.0 / (sum / n + 1e-8));
        }
        Luma.Space space = space(options);
        double[] a = Luma.scaled255(image, space).shave(options.shave()).data();
        double[] b = Luma.scaled255(reference, space).shave(options.shave()).data();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        double mse = sum / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    public static double ssim(FloatImage image, FloatImage reference, FrOptions options) throws StudioException {
        checkPair(image, reference, options, SSIM_WINDOW);
        if (options.mode() == FrOptions.Mode.RGB) {
            double s = 0;
            List<Plane[]> planes = rgbPlanes(image, reference, options.shave());
            for (Plane[] pair : planes) {
                s += ssim(round255(pair[0]), round255(pair[1]));
            }
            return s / planes.size();
        }
        Luma.Space space = space(options);
        return ssim(Luma.rounded255(image, space).shave(options.shave()),
                Luma.rounded255(reference, space).shave(options.shave()));
    }

    /** SSIM of two 0..255 planes of the same size. */
    public static double ssim(Plane x, Plane y) {
        int w = x.width();
        int h = x.height();
        int n = x.data().length;
        double[] xv = x.data();
        double[] yv = y.data();
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) {
            xx[i] = xv[i] * xv[i];
            yy[i] = yv[i] * yv[i];
            xy[i] = xv[i] * yv[i];
        }
        double[] m1 = SSIM_FILTER.valid(xv, w, h);
        double[] m2 = SSIM_FILTER.valid(yv, w, h);
        double[] s1 = SSIM_FILTER.valid(xx, w, h);
        double[] s2 = SSIM_FILTER.valid(yy, w, h);
        double[] s12 = SSIM_FILTER.valid(xy, w, h);
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double sum = 0;
        for (int i = 0; i < m1.length; i++) {
            double mu1 = m1[i];
            double mu2 = m2[i];
            double var1 = s1[i] - mu1 * mu1;
            double var2 = s2[i] - mu2 * mu2;
            double cov = s12[i] - mu1 * mu2;
            double cs = Math.max((2 * cov + c2) / (var1 + var2 + c2), 0);
            sum += (2 * mu1 * mu2 + c1) / (mu1 * mu1 + mu2 * mu2 + c1) * cs;
        }
        return sum / m1.length;
    }

    private static Luma.Space space(FrOptions options) {
        return options.mode() == FrOptions.Mode.Y_YIQ ? Luma.Space.YIQ : Luma.Space.BT601;
    }

    private static Plane round255(Plane p) {
        double[] v = p.data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.rint((float) v[i] * 255f);
        }
        return new Plane(p.width(), p.height(), v);
    }

    private static List<Plane[]> rgbPlanes(FloatImage image, FloatImage reference, int shave) {
        FloatImage a = image.toRgb();
        FloatImage b = reference.toRgb();
        List<Plane[]> out = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            out.add(new Plane[] {plane(a, c).shave(shave), plane(b, c).shave(shave)});
        }
        return out;
    }

    private static Plane plane(FloatImage img, int c) {
        int n = img.width() * img.height();
        double[] v = new double[n];
        float[] d = img.data();
        int off = img.planeOffset(c);
        for (int i = 0; i < n; i++) {
            v[i] = d[off + i];
        }
        return new Plane(img.width(), img.height(), v);
    }

    private static void checkPair(FloatImage image, FloatImage reference, FrOptions options, int minSide)
            throws StudioException {
        if (image.width() != reference.width() || image.height() != reference.height()) {
            throw new StudioException("The reference is " + reference.width() + "x" + reference.height()
                    + " but the image is " + image.width() + "x" + image.height() + ", so they cannot be compared.");
        }
        int w = image.width() - 2 * options.shave();
        int h = image.height() - 2 * options.shave();
        if (w < minSide || h < minSide) {
            throw new StudioException("The image is too small to compare: " + image.width() + "x" + image.height()
                    + " less a " + options.shave() + "-pixel border leaves under " + minSide + "x" + minSide + ".");
        }
    }
}
