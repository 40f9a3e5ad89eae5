package org.srstudio.engine.iqa;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;

/**
 * A learned no-reference quality metric (CLIPIQA, MUSIQ, MANIQA, LIQE, TOPIQ…) exported to TorchScript with an
 * {@code iqa.json} manifest, run on the CPU through DJL. The model takes a (1, 3, H, W) float tensor of the
 * normalised RGB patch and returns its score (any shape; the mean is taken); patch scores are averaged.
 * Not thread-safe: one caller at a time (the scoring pool serialises use per metric).
 */
public final class LearnedMetric implements AutoCloseable {
    private final LearnedMetricManifest manifest;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private LearnedMetric(LearnedMetricManifest manifest, ZooModel<NDList, NDList> model) {
        this.manifest = manifest;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads the folder's manifest and TorchScript file. */
    public static LearnedMetric load(Path folder) throws StudioException {
        LearnedMetricManifest m = LearnedMetricManifest.read(folder);
        Path file = folder.resolve(m.file());
        if (!Files.isRegularFile(file)) {
            throw new StudioException("The learned metric " + m.metric() + " is missing its TorchScript file " + file + ".");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .build();
        try {
            return new LearnedMetric(m, criteria.loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new StudioException("The learned metric " + m.metric() + " could not be loaded from " + file + ".", e);
        }
    }

    public LearnedMetricManifest manifest() {
        return manifest;
    }

    /** The image's score: the mean over the manifest's patches. Gray images are widened to RGB. */
    public double score(FloatImage image) throws StudioException {
        FloatImage rgb = image.channels() == 3 ? image : image.toRgb();
        List<int[]> boxes = patches(rgb.width(), rgb.height());
        double sum = 0;
        try (NDManager nd = model.getNDManager().newSubManager()) {
            for (int[] b : boxes) {
                FloatImage p = b[2] == rgb.width() && b[3] == rgb.height() ? rgb : rgb.crop(b[0], b[1], b[2], b[3]);
                NDArray x = nd.create(normalised(p), new Shape(1, 3, p.height(), p.width()));
                NDList out = predictor.predict(new NDList(x));
                sum += out.singletonOrThrow().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).mean().getDouble();
            }
        } catch (TranslateException | RuntimeException e) {
            throw new StudioException("The learned metric " + manifest.metric() + " failed on a "
                    + rgb.width() + "x" + rgb.height() + " image.", e);
        }
        double v = sum / boxes.size();
        if (!Double.isFinite(v)) {
            throw new StudioException("The learned metric " + manifest.metric() + " returned a non-finite score.");
        }
        return v;
    }

    /** Patch rectangles {x, y, w, h}. */
    List<int[]> patches(int w, int h) throws StudioException {
        List<int[]> out = new ArrayList<>();
        if (manifest.patches().equals("whole")) {
            out.add(new int[] {0, 0, w, h});
            return out;
        }
        int s = manifest.size();
        if (w < s || h < s) {
            throw new StudioException("The learned metric " + manifest.metric() + " needs an image of at least " + s + "x" + s
                    + " pixels, got " + w + "x" + h + ".");
        }
        if (manifest.patches().equals("center")) {
            out.add(new int[] {(w - s) / 2, (h - s) / 2, s, s});
            return out;
        }
        // a rows × cols grid spanning the image, of which n evenly spaced cells are kept (first and last included),
        // like LIQE's "all patches at a stride, 15 evenly spaced kept"
        int n = manifest.count();
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n * (double) w / h)));
        int rows = (int) Math.ceil(n / (double) cols);
        int cells = rows * cols;
        for (int i = 0; i < n; i++) {
            int cell = n == 1 ? cells / 2 : (int) Math.round(i * (cells - 1) / (double) (n - 1));
            int r = cell / cols;
            int c = cell % cols;
            int x = cols == 1 ? (w - s) / 2 : (int) Math.round(c * (w - s) / (double) (cols - 1));
            int y = rows == 1 ? (h - s) / 2 : (int) Math.round(r * (h - s) / (double) (rows - 1));
            out.add(new int[] {x, y, s, s});
        }
        return out;
    }

    private float[] normalised(FloatImage p) {
        float[] d = p.data().clone();
        int n = p.width() * p.height();
        for (int c = 0; c < 3; c++) {
            float mean = manifest.mean().get(c).floatValue();
            float std = manifest.std().get(c).floatValue();
            for (int i = c * n; i < (c + 1) * n; i++) {
                d[i] = (d[i] - mean) / std;
            }
        }
        return d;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
