package org.srstudio.engine.diffusion;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.srstudio.core.StudioException;

/**
 * One TorchScript file with a tensor-only forward, called through a NoopTranslator so tensors stay NDArrays (outputs
 * attach to the first input's manager). Counts the time spent inside forward so benchmarks can separate the
 * loop's own overhead from the network.
 */
final class TorchModule implements AutoCloseable {
    private final String name;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private long forwardNanos;
    private int calls;

    private TorchModule(String name, ZooModel<NDList, NDList> model) {
        this.name = name;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    static TorchModule load(String name, Path file, Device device) throws StudioException {
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file).optEngine("PyTorch").optTranslator(new NoopTranslator()).optDevice(device)
                .optOption("mapLocation", "true").build();
        try {
            return new TorchModule(name, criteria.loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new StudioException("Cannot load the TorchScript module " + file + " (" + firstLine(e) + ").", e);
        }
    }

    NDList forward(NDList inputs) throws StudioException {
        long t0 = System.nanoTime();
        try {
            return predictor.predict(inputs);
        } catch (TranslateException | RuntimeException e) {
            throw new StudioException("The " + name + " module failed (" + firstLine(e) + ").", e);
        } finally {
            forwardNanos += System.nanoTime() - t0;
            calls++;
        }
    }

    long forwardNanos() {
        return forwardNanos;
    }

    int calls() {
        return calls;
    }

    void resetTimer() {
        forwardNanos = 0;
        calls = 0;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
