package org.srstudio.ui.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioException;
import org.srstudio.ui.compare.PixelRegion;
import org.srstudio.ui.scores.MetricInfo;
import org.srstudio.ui.scores.ScoreTarget;
import org.srstudio.ui.scores.VariantScorer;

/**
 * Two simple, honest metrics for demos until the IQA service is wired in: PSNR against the ground truth (full
 * reference, on the luma channel, the reference resampled nearest to the image's size) and mean gradient
 * magnitude ("Sharpness", no reference; higher means more high-frequency energy, not necessarily better; with a
 * ground truth it is measured per ground-truth pixel so that the small input is on the same scale).
 */
public final class DemoScorer implements VariantScorer {
    @Override
    public List<MetricInfo> metrics() {
        return List.of(new MetricInfo("psnr", "PSNR dB", true, true, 2),
                new MetricInfo("sharpness", "Sharpness", true, false, 2));
    }

    @Override
    public void score(ScoreTarget target, ScoreSink sink) throws StudioException {
        BufferedImage full = read(target.image());
        PixelRegion region = target.region().orElse(new PixelRegion(0, 0, full.getWidth(), full.getHeight()));
        BufferedImage img = crop(full, region, 1, 1);
        if (img.getWidth() < 2 || img.getHeight() < 2) {
            sink.reject("sharpness", "Sharpness needs at least 2x2 pixels.");
            return;
        }
        if (target.reference().isPresent()) {
            BufferedImage fullRef = read(target.reference().get());
            // the ground truth shows the same content at its own size, so its part is the region scaled alike
            BufferedImage ref = crop(fullRef, region, fullRef.getWidth() / (double) full.getWidth(),
                    fullRef.getHeight() / (double) full.getHeight());
            // Per reference pixel, so that a small input and its enlargements are on one scale.
            sink.accept("sharpness", sharpness(img) * img.getWidth() / ref.getWidth());
            sink.accept("psnr", psnr(img, ref));
        } else {
            sink.accept("sharpness", sharpness(img));
        }
    }

    private static BufferedImage crop(BufferedImage img, PixelRegion r, double sx, double sy) {
        int x = Math.min(img.getWidth() - 1, (int) Math.floor(r.x() * sx));
        int y = Math.min(img.getHeight() - 1, (int) Math.floor(r.y() * sy));
        int w = Math.max(1, Math.min(img.getWidth() - x, (int) Math.ceil(r.width() * sx)));
        int h = Math.max(1, Math.min(img.getHeight() - y, (int) Math.ceil(r.height() * sy)));
        return x == 0 && y == 0 && w == img.getWidth() && h == img.getHeight() ? img : img.getSubimage(x, y, w, h);
    }

    private static BufferedImage read(java.nio.file.Path p) throws StudioException {
        try {
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) {
                throw new StudioException(p.getFileName() + " is not an image the scorer can read.");
            }
            return img;
        } catch (IOException e) {
            throw new StudioException("Cannot read " + p.getFileName() + " for scoring.", e);
        }
    }

    static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
    }

    static double sharpness(BufferedImage img) {
        double sum = 0;
        int w = img.getWidth();
        int h = img.getHeight();
        for (int y = 0; y < h - 1; y++) {
            for (int x = 0; x < w - 1; x++) {
                double l = luma(img.getRGB(x, y));
                sum += Math.abs(l - luma(img.getRGB(x + 1, y))) + Math.abs(l - luma(img.getRGB(x, y + 1)));
            }
        }
        return sum / ((double) (w - 1) * (h - 1));
    }

    static double psnr(BufferedImage img, BufferedImage ref) {
        int w = img.getWidth();
        int h = img.getHeight();
        double mse = 0;
        for (int y = 0; y < h; y++) {
            int ry = Math.min(ref.getHeight() - 1, y * ref.getHeight() / h);
            for (int x = 0; x < w; x++) {
                int rx = Math.min(ref.getWidth() - 1, x * ref.getWidth() / w);
                double d = luma(img.getRGB(x, y)) - luma(ref.getRGB(rx, ry));
                mse += d * d;
            }
        }
        mse /= (double) w * h;
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
