package org.srstudio.app;

import java.util.ArrayList;
import java.util.List;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.DeviceJobExecutor;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.pipeline.UpscalePipeline;
import org.srstudio.core.store.ResultStore;
import org.srstudio.core.upscale.ClassicalModels;
import org.srstudio.engine.EngineLoaders;

/** The composition root: the one place that decides which implementations the CLI and the UI get. */
public final class Studio {
    private Studio() {
    }

    public static StudioServices create(StudioPaths paths, long maxPixels) {
        ModelRegistry registry = new ModelRegistry(paths.modelDirs(), loaders(), ClassicalModels.manifests(),
                ModelCatalogue.cards());
        ImageDecoder decoder = new ImageDecoder(maxPixels);
        ResultStore store = new ResultStore(paths.resultsDir());
        UpscalePipeline pipeline = new UpscalePipeline(registry, decoder, store);
        DeviceJobExecutor executor = new DeviceJobExecutor("cpu", pipeline);
        return new StudioServices(registry, executor, store, decoder, paths.dataDir());
    }

    static List<ModelLoader> loaders() {
        List<ModelLoader> loaders = new ArrayList<>();
        loaders.add(ClassicalModels.loader());
        loaders.addAll(EngineLoaders.all());
        return loaders;
    }
}
