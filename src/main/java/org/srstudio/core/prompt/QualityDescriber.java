package org.srstudio.core.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.srstudio.core.image.FloatImage;

/**
 * Writes a low-level prompt from the studio's own measurements, for when no vision-language server is at hand. The
 * answer imitates Q-Instruct's: sharpness and noise, colour and contrast, exposure, compression artifacts, then an
 * overall verdict, e.g. "The image is slightly blurry with noticeable noise in the flat regions. The colors are
 * somewhat dull and the contrast is low. There are visible compression artifacts along edges. Overall, the quality
 * of this image is poor."
 *
 * <p>Thresholds (grey levels 0–255, luma 0–1), chosen from the measures' behaviour on test patterns and on the usual
 * ranges of photographs; they are rough by nature:
 * <ul>
 * <li>blur, by {@link QualityMeasurements#edgeSpread()}: up to 1.2 px sharp; 1.7 slightly blurry; 2.5 blurry; above, very blurry (a Gaussian blur of σ reads about σ from 1 px up)</li>
 * <li>noise σ: below 2 none visible; below 5 slight; below 10 noticeable; above, heavy</li>
 * <li>block grid ratio: 1.5 visible compression artifacts; 10 strong blocking (clean images stay below 1.15; JPEG at quality 90 and below gives 3 and more)</li>
 * <li>contrast (luma std): below 0.07, or a 1–99 % range below 0.3, low; below 0.12 somewhat low; above 0.25 high</li>
 * <li>exposure: mean luma below 0.22 underexposed, above 0.78 overexposed; over 5 % of pixels clipped is mentioned</li>
 * <li>colourfulness (Hasler–Süsstrunk): below 15 dull; below 33 somewhat dull; 59 and above vivid</li>
 * <li>NR-IQA scores, when given, are mapped onto the same 1–5 scale and averaged half-and-half with the measurements:
 *     NIQE (3 → 5, 9 → 1), BRISQUE (0 → 5, 80 → 1), PIQE (10 → 5, 90 → 1), MUSIQ (75 → 5, 35 → 1),
 *     CLIP-IQA (0.85 → 5, 0.25 → 1), MANIQA (0.7 → 5, 0.2 → 1); other names are ignored</li>
 * </ul>
 * Verdict on the 1–5 scale: 4.3 excellent, 3.5 good, 2.6 fair, 1.7 poor, below that very poor.
 */
public final class QualityDescriber {
    /** Larger images are measured on a centre crop this size: the statistics are local, the cost is not. */
    static final int MAX_MEASURED_SIDE = 1024;
    /** Grey levels per pixel (Sobel, normalised) from which a pixel counts as lying on an edge. */
    static final double EDGE_GRADIENT = 2.0;
    /** The edge spread reported for edges whose second derivative cannot be told from noise. */
    static final double MAX_EDGE_SPREAD = 5.0;
    /** Steps larger than this are edges of the content, not the small jumps a codec leaves at block borders. */
    static final double MAX_BLOCK_STEP = 20.0;

    private QualityDescriber() {
    }

    public static String describe(FloatImage image) {
        return describe(image, Map.of());
    }

    /** @param nrIqaScores metric name (niqe, brisque, piqe, musiq, clipiqa, maniqa; any case) → score; may be empty or null */
    public static String describe(FloatImage image, Map<String, Double> nrIqaScores) {
        return describe(measure(image), nrIqaScores);
    }

    public static String describe(QualityMeasurements m, Map<String, Double> nrIqaScores) {
        List<String> sentences = new ArrayList<>();
        Blur blur = blur(m);
        Noise noise = noise(m);
        sentences.add("The image is " + blur.phrase + " with " + noise.phrase + ".");
        if (blur == Blur.VERY_BLURRY) {
            sentences.add("Fine details and textures are lost.");
        }
        sentences.add(colorAndContrast(m));
        exposure(m).ifPresent(sentences::add);
        Blocking blocking = blocking(m);
        if (blocking != Blocking.NONE) {
            sentences.add(blocking.sentence);
        }
        double measured = 5.0 - blur.penalty - noise.penalty - blocking.penalty - contrastPenalty(m) - exposurePenalty(m)
                - (m.gray() || m.colorfulness() >= 15 ? 0 : 0.3);
        double quality = clamp(measured, 1, 5);
        double iqa = nrIqaQuality(nrIqaScores);
        if (!Double.isNaN(iqa)) {
            quality = 0.5 * quality + 0.5 * iqa;
        }
        sentences.add("Overall, the quality of this image is " + verdict(quality) + ".");
        return String.join(" ", sentences);
    }

    /** The 1–5 quality the NR-IQA scores suggest, NaN when none of them is known. */
    static double nrIqaQuality(Map<String, Double> scores) {
        if (scores == null || scores.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        int count = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            Double value = e.getValue();
            if (e.getKey() == null || value == null || value.isNaN() || value.isInfinite()) {
                continue;
            }
            String name = e.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            double q = switch (name) {
                case "niqe" -> linear(value, 3, 9);
                case "brisque" -> linear(value, 0, 80);
                case "piqe" -> linear(value, 10, 90);
                case "musiq" -> linear(value, 75, 35);
                case "clipiqa", "clipiqa+" -> linear(value, 0.85, 0.25);
                case "maniqa" -> linear(value, 0.7, 0.2);
                default -> Double.NaN;
            };
            if (!Double.isNaN(q)) {
                sum += q;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** 5 at {@code best}, 1 at {@code worst}, linear between, clamped. */
    private static double linear(double value, double best, double worst) {
        return clamp(5 - 4 * (value - best) / (worst - best), 1, 5);
    }

    private static String verdict(double q) {
        if (q >= 4.3) {
            return "excellent";
        }
        if (q >= 3.5) {
            return "good";
        }
        if (q >= 2.6) {
            return "fair";
        }
        if (q >= 1.7) {
            return "poor";
        }
        return "very poor";
    }

    enum Blur {
        SHARP("sharp and clear", 0), SLIGHTLY_BLURRY("slightly blurry", 0.8), BLURRY("blurry", 1.8),
        VERY_BLURRY("very blurry", 2.8), FEATURELESS("almost featureless", 1.5);

        final String phrase;
        final double penalty;

        Blur(String phrase, double penalty) {
            this.phrase = phrase;
            this.penalty = penalty;
        }
    }

    enum Noise {
        NONE("no visible noise", 0), SLIGHT("slight noise", 0.5), NOTICEABLE("noticeable noise in the flat regions", 1.3),
        HEAVY("heavy noise throughout", 2.3);

        final String phrase;
        final double penalty;

        Noise(String phrase, double penalty) {
            this.phrase = phrase;
            this.penalty = penalty;
        }
    }

    enum Blocking {
        NONE("", 0), VISIBLE("There are visible compression artifacts along edges.", 1.0),
        STRONG("There are strong blocky compression artifacts across the image.", 2.0);

        final String sentence;
        final double penalty;

        Blocking(String sentence, double penalty) {
            this.sentence = sentence;
            this.penalty = penalty;
        }
    }

    static Blur blur(QualityMeasurements m) {
        double s = m.edgeSpread();
        if (Double.isNaN(s)) {
            return Blur.FEATURELESS;
        }
        if (s <= 1.2) {
            return Blur.SHARP;
        }
        if (s <= 1.7) {
            return Blur.SLIGHTLY_BLURRY;
        }
        return s <= 2.5 ? Blur.BLURRY : Blur.VERY_BLURRY;
    }

    static Noise noise(QualityMeasurements m) {
        double n = m.noiseSigma();
        if (n < 2) {
            return Noise.NONE;
        }
        if (n < 5) {
            return Noise.SLIGHT;
        }
        return n < 10 ? Noise.NOTICEABLE : Noise.HEAVY;
    }

    static Blocking blocking(QualityMeasurements m) {
        if (m.blockiness() >= 10) {
            return Blocking.STRONG;
        }
        return m.blockiness() >= 1.5 ? Blocking.VISIBLE : Blocking.NONE;
    }

    private static String contrastWord(QualityMeasurements m) {
        if (m.contrast() < 0.07 || m.dynamicRange() < 0.3) {
            return "low";
        }
        if (m.contrast() < 0.12) {
            return "somewhat low";
        }
        return m.contrast() > 0.25 ? "high" : "good";
    }

    private static double contrastPenalty(QualityMeasurements m) {
        return switch (contrastWord(m)) {
            case "low" -> 0.7;
            case "somewhat low" -> 0.3;
            default -> 0;
        };
    }

    private static String colorAndContrast(QualityMeasurements m) {
        String contrast = contrastWord(m);
        if (m.gray() || m.colorfulness() < 3) {
            return "The image is almost without color and the contrast is " + contrast + ".";
        }
        String colors;
        if (m.colorfulness() < 15) {
            colors = "dull";
        } else if (m.colorfulness() < 33) {
            colors = "somewhat dull";
        } else if (m.colorfulness() < 59) {
            colors = "natural";
        } else {
            colors = "vivid";
        }
        return "The colors are " + colors + " and the contrast is " + contrast + ".";
    }

    private static java.util.Optional<String> exposure(QualityMeasurements m) {
        if (m.meanLuma() < 0.22) {
            return java.util.Optional.of("The image is underexposed, so details in the shadows are hard to see.");
        }
        if (m.meanLuma() > 0.78) {
            return java.util.Optional.of("The image is overexposed and looks washed out.");
        }
        boolean dark = m.clippedDark() > 0.05;
        boolean bright = m.clippedBright() > 0.05;
        if (dark && bright) {
            return java.util.Optional.of("Both the shadows and the highlights are clipped.");
        }
        if (bright) {
            return java.util.Optional.of("Some highlights are blown out.");
        }
        if (dark) {
            return java.util.Optional.of("Some shadows are crushed to black.");
        }
        return java.util.Optional.empty();
    }

    private static double exposurePenalty(QualityMeasurements m) {
        double p = 0;
        if (m.meanLuma() < 0.22 || m.meanLuma() > 0.78) {
            p += 0.7;
        }
        if (m.clippedDark() > 0.05 || m.clippedBright() > 0.05) {
            p += 0.3;
        }
        return p;
    }

    /** Measures an RGB or grey image (larger than {@value #MAX_MEASURED_SIDE} px a side: its centre). */
    public static QualityMeasurements measure(FloatImage image) {
        FloatImage img = image;
        if (img.width() > MAX_MEASURED_SIDE || img.height() > MAX_MEASURED_SIDE) {
            int w = Math.min(img.width(), MAX_MEASURED_SIDE);
            int h = Math.min(img.height(), MAX_MEASURED_SIDE);
            img = img.crop((img.width() - w) / 2, (img.height() - h) / 2, w, h);
        }
        int w = img.width();
        int h = img.height();
        boolean color = img.channels() >= 3;
        double[] y = new double[w * h];
        double colorfulness = 0;
        float[] d = img.data();
        int n = w * h;
        if (color) {
            double sumRg = 0;
            double sumYb = 0;
            double sumRg2 = 0;
            double sumYb2 = 0;
            for (int i = 0; i < n; i++) {
                double r = 255 * clamp(d[i], 0, 1);
                double g = 255 * clamp(d[n + i], 0, 1);
                double b = 255 * clamp(d[2 * n + i], 0, 1);
                y[i] = 0.299 * r + 0.587 * g + 0.114 * b;
                double rg = r - g;
                double yb = 0.5 * (r + g) - b;
                sumRg += rg;
                sumYb += yb;
                sumRg2 += rg * rg;
                sumYb2 += yb * yb;
            }
            double mRg = sumRg / n;
            double mYb = sumYb / n;
            double vRg = Math.max(0, sumRg2 / n - mRg * mRg);
            double vYb = Math.max(0, sumYb2 / n - mYb * mYb);
            colorfulness = Math.sqrt(vRg + vYb) + 0.3 * Math.sqrt(mRg * mRg + mYb * mYb);
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = 255 * clamp(d[i], 0, 1);
            }
        }
        double noise = noiseSigma(y, w, h);
        double[] blur = blurMeasures(y, w, h, noise);
        double blockiness = blockiness(y, w, h);
        double[] stats = lumaStatistics(y);
        return new QualityMeasurements(blur[0], blur[1], noise, blockiness, stats[0], stats[1], stats[2], stats[3],
                stats[4], colorfulness, !color || colorfulness < 1e-6);
    }

    /**
     * Immerkær's fast noise estimate (the Laplacian-difference mask [1 −2 1; −2 4 −2; 1 −2 1], which cancels straight
     * edges and smooth ramps), with the median absolute response in place of the mean so that the remaining edges
     * and corners do not read as noise: for white noise of σ the response has σ·6, its median magnitude 0.6745·6·σ.
     */
    static double noiseSigma(double[] y, int w, int h) {
        if (w < 3 || h < 3) {
            return 0;
        }
        double[] responses = new double[(w - 2) * (h - 2)];
        int k = 0;
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                int i = r * w + c;
                double v = y[i - w - 1] - 2 * y[i - w] + y[i - w + 1]
                        - 2 * y[i - 1] + 4 * y[i] - 2 * y[i + 1]
                        + y[i + w - 1] - 2 * y[i + w] + y[i + w + 1];
                responses[k++] = Math.abs(v);
            }
        }
        return median(responses) / (0.6745 * 6);
    }

    /**
     * Variance of the Laplacian, and the edge spread: for an edge blurred by a Gaussian of σ, the energy of the first
     * derivative over that of the second is 2σ², whatever the edge's contrast, so sqrt(ΣG² / 2ΣL²) estimates the blur
     * radius. The white-noise energy (4σn² per pixel in the gradient, 20σn² in the Laplacian) is taken out first.
     */
    static double[] blurMeasures(double[] y, int w, int h, double noiseSigma) {
        if (w < 3 || h < 3) {
            return new double[] {0, Double.NaN};
        }
        double gradient = 0;
        double laplacian = 0;
        double lapSum = 0;
        double lapSquares = 0;
        long count = 0;
        long edgePixels = 0;
        // Only pixels on edges count for the spread: smooth shading, whose 8-bit steps look like fine detail, is left
        // out. Edges are found on a 3×3 box-smoothed copy, where white noise of σ gives Sobel components of 0.17σ, so
        // a threshold of 0.6σ lets almost no noise-only pixel through.
        double[] s = boxSmoothed(y, w, h);
        double threshold = Math.max(EDGE_GRADIENT, 0.6 * noiseSigma);
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                int i = r * w + c;
                double lap = y[i - 1] + y[i + 1] + y[i - w] + y[i + w] - 4 * y[i];
                lapSum += lap;
                lapSquares += lap * lap;
                count++;
                double sx = (s[i - w + 1] + 2 * s[i + 1] + s[i + w + 1] - s[i - w - 1] - 2 * s[i - 1] - s[i + w - 1]) / 8;
                double sy = (s[i + w - 1] + 2 * s[i + w] + s[i + w + 1] - s[i - w - 1] - 2 * s[i - w] - s[i - w + 1]) / 8;
                if (sx * sx + sy * sy < threshold * threshold) {
                    continue;
                }
                double dx = y[i + 1] - y[i];
                double dy = y[i + w] - y[i];
                gradient += dx * dx + dy * dy;
                laplacian += lap * lap;
                edgePixels++;
            }
        }
        double meanLap = lapSum / count;
        double lapVariance = lapSquares / count - meanLap * meanLap;
        // Too few edge pixels to judge: a flat or nearly flat picture.
        if (edgePixels < Math.max(16, count / 1000)) {
            return new double[] {lapVariance, Double.NaN};
        }
        double noiseVar = noiseSigma * noiseSigma;
        double g = gradient / edgePixels - 4 * noiseVar;
        double l = laplacian / edgePixels - 20 * noiseVar;
        if (g <= 1e-9) {
            return new double[] {lapVariance, Double.NaN};
        }
        // Edges so soft that their curvature drowns in the noise: as blurry as the measure reads.
        double floor = g / (2 * MAX_EDGE_SPREAD * MAX_EDGE_SPREAD);
        return new double[] {lapVariance, Math.sqrt(g / (2 * Math.max(l, floor)))};
    }

    /** 3×3 mean, edges clamped. */
    private static double[] boxSmoothed(double[] y, int w, int h) {
        double[] out = new double[y.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double sum = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    int rr = Math.max(0, Math.min(h - 1, r + dr));
                    for (int dc = -1; dc <= 1; dc++) {
                        sum += y[rr * w + Math.max(0, Math.min(w - 1, c + dc))];
                    }
                }
                out[r * w + c] = sum / 9;
            }
        }
        return out;
    }

    /**
     * JPEG's 8×8 grid: counts, at each of the 8 column (row) phases, the small luma steps that stand out from their
     * neighbours; a codec's grid makes one phase collect many more than the others, while content edges (large steps,
     * or at no fixed phase) and noise spread evenly. Returns the geometric mean of the horizontal and vertical ratios
     * of the busiest phase's count to the mean count at the other phases.
     */
    static double blockiness(double[] y, int w, int h) {
        if (w < 16 || h < 16) {
            return 1;
        }
        long[] perColumn = new long[w];
        long[] perRow = new long[h];
        for (int r = 0; r < h; r++) {
            for (int c = 1; c < w - 2; c++) {
                int i = r * w + c;
                if (isBlockStep(Math.abs(y[i + 1] - y[i]), Math.abs(y[i] - y[i - 1]), Math.abs(y[i + 2] - y[i + 1]))) {
                    perColumn[c]++;
                }
            }
        }
        for (int r = 1; r < h - 2; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (isBlockStep(Math.abs(y[i + w] - y[i]), Math.abs(y[i] - y[i - w]), Math.abs(y[i + 2 * w] - y[i + w]))) {
                    perRow[r]++;
                }
            }
        }
        return Math.sqrt(phaseRatio(perColumn, h) * phaseRatio(perRow, w));
    }

    /** A small step that stands out from the steps on either side: what a block border leaves in smooth areas. */
    private static boolean isBlockStep(double step, double before, double after) {
        return step >= 1 && step <= MAX_BLOCK_STEP && step > before + 0.5 && step > after + 0.5;
    }

    /**
     * For each phase, the median count over the lines of that phase (so that a few lines full of events, such as the
     * steps of an 8-bit ramp, do not count; a codec grid fills every line of its phase); then the busiest phase over
     * the mean of the others, with a prior of 1 % of the line length so that sparse events give 1.
     */
    private static double phaseRatio(long[] perLine, int lineLength) {
        double[] medians = new double[8];
        for (int p = 0; p < 8; p++) {
            int count = 0;
            for (int i = p; i < perLine.length; i += 8) {
                count++;
            }
            double[] values = new double[count];
            int k = 0;
            for (int i = p; i < perLine.length; i += 8) {
                values[k++] = perLine[i];
            }
            medians[p] = count == 0 ? 0 : median(values);
        }
        int best = 0;
        for (int p = 1; p < 8; p++) {
            if (medians[p] > medians[best]) {
                best = p;
            }
        }
        double others = 0;
        for (int p = 0; p < 8; p++) {
            if (p != best) {
                others += medians[p];
            }
        }
        others /= 7;
        double prior = Math.max(2, 0.01 * lineLength);
        return (medians[best] + prior) / (others + prior);
    }

    /** {std, p1–p99 range, mean, fraction ≤ 2, fraction ≥ 253}, luma statistics on 0–1. */
    private static double[] lumaStatistics(double[] y) {
        int[] histogram = new int[256];
        double sum = 0;
        double sum2 = 0;
        for (double v : y) {
            sum += v;
            sum2 += v * v;
            histogram[(int) Math.max(0, Math.min(255, Math.round(v)))]++;
        }
        int n = y.length;
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
        int p1 = percentile(histogram, n, 0.01);
        int p99 = percentile(histogram, n, 0.99);
        double dark = 0;
        double bright = 0;
        for (int i = 0; i <= 2; i++) {
            dark += histogram[i];
        }
        for (int i = 253; i <= 255; i++) {
            bright += histogram[i];
        }
        return new double[] {std / 255, (p99 - p1) / 255.0, mean / 255, dark / n, bright / n};
    }

    private static int percentile(int[] histogram, int n, double q) {
        long target = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= target) {
                return i;
            }
        }
        return histogram.length - 1;
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int m = copy.length / 2;
        return copy.length % 2 == 1 ? copy[m] : 0.5 * (copy[m - 1] + copy[m]);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
