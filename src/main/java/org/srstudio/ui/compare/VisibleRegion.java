package org.srstudio.ui.compare;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of the compare view's frame on screen, in frame pixels. The frame is the largest variant's size and
 * every variant is drawn stretched to it, so one frame rectangle is the same image region in every variant;
 * {@link #in} scales it to a variant's own pixels.
 */
public record VisibleRegion(int x, int y, int width, int height, int frameWidth, int frameHeight) {
    public VisibleRegion {
        if (frameWidth <= 0 || frameHeight <= 0 || x < 0 || y < 0 || width <= 0 || height <= 0
                || x + width > frameWidth || y + height > frameHeight) {
            throw new IllegalArgumentException("A visible region must lie inside its frame, got " + width + "x" + height
                    + "+" + x + "+" + y + " in " + frameWidth + "x" + frameHeight);
        }
    }

    /**
     * What the viewport shows of {@code variants}, or empty when it shows all of the frame (whole-image scores
     * apply) or none of it. The edges are snapped outwards to the pixel grid of the smallest variant, so that
     * for integer scale factors every variant's rectangle covers exactly the same content.
     */
    public static Optional<VisibleRegion> of(ViewportModel viewport, List<Variant> variants) {
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        int fw = variants.stream().mapToInt(Variant::width).max().getAsInt();
        int fh = variants.stream().mapToInt(Variant::height).max().getAsInt();
        double stepX = fw / (double) variants.stream().mapToInt(Variant::width).min().getAsInt();
        double stepY = fh / (double) variants.stream().mapToInt(Variant::height).min().getAsInt();
        int x0 = snapDown(viewport.toContentX(0), stepX, fw);
        int y0 = snapDown(viewport.toContentY(0), stepY, fh);
        int x1 = snapUp(viewport.toContentX(viewport.viewWidthProperty().get()), stepX, fw);
        int y1 = snapUp(viewport.toContentY(viewport.viewHeightProperty().get()), stepY, fh);
        if (x1 <= x0 || y1 <= y0 || (x0 == 0 && y0 == 0 && x1 == fw && y1 == fh)) {
            return Optional.empty();
        }
        return Optional.of(new VisibleRegion(x0, y0, x1 - x0, y1 - y0, fw, fh));
    }

    /** This region in the pixels of a {@code width × height} variant: scaled outwards, never empty. */
    public PixelRegion in(int width, int height) {
        double sx = width / (double) frameWidth;
        double sy = height / (double) frameHeight;
        int x0 = Math.min(width - 1, (int) Math.floor(x * sx + 1e-9));
        int y0 = Math.min(height - 1, (int) Math.floor(y * sy + 1e-9));
        int x1 = Math.max(x0 + 1, Math.min(width, (int) Math.ceil((x + this.width) * sx - 1e-9)));
        int y1 = Math.max(y0 + 1, Math.min(height, (int) Math.ceil((y + this.height) * sy - 1e-9)));
        return new PixelRegion(x0, y0, x1 - x0, y1 - y0);
    }

    public PixelRegion in(Variant v) {
        return in(v.width(), v.height());
    }

    /** "x,y w×h", in frame pixels. */
    public String describe() {
        return String.format(Locale.ROOT, "%d,%d %d×%d", x, y, width, height);
    }

    private static int snapDown(double v, double step, int limit) {
        return (int) Math.max(0, Math.min(limit, Math.floor(v / step + 1e-9) * step));
    }

    private static int snapUp(double v, double step, int limit) {
        return (int) Math.max(0, Math.min(limit, Math.ceil(Math.ceil(v / step - 1e-9) * step - 1e-9)));
    }
}
