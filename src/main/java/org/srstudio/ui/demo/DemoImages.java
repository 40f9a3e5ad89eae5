package org.srstudio.ui.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Procedural test pictures for the screenshot tool, the benchmark and the UI tests: smooth gradients, fine
 * stripes, text and edges at several angles, so that resamplers visibly differ. The low-resolution input is the
 * high-resolution picture box-averaged, so the picture doubles as a real ground truth. (Java2D colours here are
 * picture content, not UI colours.)
 */
public final class DemoImages {
    private DemoImages() {
    }

    public static BufferedImage scene(int size, long variant) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double s = size / 1024.0;
        float hue = (variant % 7) / 7f;
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(0.58f + hue, 0.55f, 0.95f), 0, size,
                Color.getHSBColor(0.08f + hue, 0.6f, 0.98f)));
        g.fillRect(0, 0, size, size);
        g.setColor(Color.getHSBColor(0.12f + hue, 0.8f, 1f));
        g.fillOval((int) (640 * s), (int) (90 * s), (int) (260 * s), (int) (260 * s));
        // Mountains
        g.setColor(Color.getHSBColor(0.62f + hue, 0.45f, 0.35f));
        g.fillPolygon(new int[] {0, (int) (260 * s), (int) (520 * s), (int) (760 * s), size, size, 0},
                new int[] {(int) (700 * s), (int) (420 * s), (int) (640 * s), (int) (380 * s), (int) (620 * s), size, size}, 7);
        // Fine stripes and a checkerboard: the detail resamplers disagree on.
        for (int i = 0; i < 48; i++) {
            g.setColor(i % 2 == 0 ? Color.WHITE : Color.DARK_GRAY);
            g.fillRect((int) ((60 + i * 4) * s), (int) (760 * s), Math.max(1, (int) (2 * s)), (int) (200 * s));
        }
        int cell = Math.max(1, (int) (6 * s));
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 40; x++) {
                g.setColor((x + y) % 2 == 0 ? Color.BLACK : Color.WHITE);
                g.fillRect((int) (520 * s) + x * cell, (int) (760 * s) + y * cell, cell, cell);
            }
        }
        // Star burst of thin lines
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(1, 1.5 * s)));
        int cx = (int) (860 * s);
        int cy = (int) (860 * s);
        for (int a = 0; a < 180; a += 6) {
            double r = Math.toRadians(a);
            g.drawLine(cx, cy, cx + (int) (Math.cos(r) * 130 * s), cy + (int) (Math.sin(r) * 130 * s));
            g.drawLine(cx, cy, cx - (int) (Math.cos(r) * 130 * s), cy - (int) (Math.sin(r) * 130 * s));
        }
        // Text at two sizes and an angle
        g.setColor(Color.getHSBColor(0.0f, 0f, 0.1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (96 * s)));
        g.drawString("SR Studio", (int) (70 * s), (int) (200 * s));
        g.setFont(new Font(Font.SERIF, Font.PLAIN, (int) (28 * s)));
        g.drawString("The quick brown fox jumps over the lazy dog 0123456789", (int) (70 * s), (int) (260 * s));
        AffineTransform old = g.getTransform();
        g.rotate(Math.toRadians(-12), 300 * s, 520 * s);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, (int) (22 * s)));
        g.setColor(Color.WHITE);
        g.drawString("fine print · edges · aliasing · #" + variant, (int) (120 * s), (int) (540 * s));
        g.setTransform(old);
        g.dispose();
        return img;
    }

    /** Box-averages by an integer factor: the "camera" that produced the low-resolution input. */
    public static BufferedImage downscale(BufferedImage src, int factor) {
        int w = src.getWidth() / factor;
        int h = src.getHeight() / factor;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int n = factor * factor;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int gg = 0;
                int b = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int p = src.getRGB(x * factor + dx, y * factor + dy);
                        r += (p >> 16) & 255;
                        gg += (p >> 8) & 255;
                        b += p & 255;
                    }
                }
                out.setRGB(x, y, ((r / n) << 16) | ((gg / n) << 8) | (b / n));
            }
        }
        return out;
    }

    /** Writes the pair: {@code <name>.png} (low resolution) and {@code <name>_gt.png} (the ground truth). */
    public static Path writePair(Path folder, String name, int gtSize, int factor, long variant) throws IOException {
        Files.createDirectories(folder);
        BufferedImage gt = scene(gtSize, variant);
        Path input = folder.resolve(name + ".png");
        ImageIO.write(downscale(gt, factor), "png", input.toFile());
        ImageIO.write(gt, "png", folder.resolve(name + "_gt.png").toFile());
        return input;
    }
}
