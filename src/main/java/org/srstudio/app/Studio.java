package org.srstudio.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.srstudio.cli.ServicesFactory;
import org.srstudio.core.StudioException;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.job.DeviceJobExecutor;
import org.srstudio.core.model.ModelLoader;
import org.srstudio.core.model.ModelRegistry;
import org.srstudio.core.pipeline.UpscalePipeline;
import org.srstudio.core.store.ResultStore;
import org.srstudio.core.upscale.ClassicalModels;
import org.srstudio.engine.EngineDevice;
import org.srstudio.engine.EngineLoaders;
import org.srstudio.engine.iqa.LearnedMetricFolders;
import org.srstudio.engine.iqa.TorchScriptScorer;
import org.srstudio.iqa.MetricScorer;
import org.srstudio.iqa.ScoringService;
import org.srstudio.iqa.params.IqaParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the one place that decides which implementations the CLI and the UI get. */
public final class Studio {
    private static final Logger LOG = LoggerFactory.getLogger(Studio.class);
    private Studio() {
    }

    public static StudioServices create(StudioPaths paths, long maxPixels) {
        ModelRegistry registry = new ModelRegistry(paths.modelDirs(), loaders(), ClassicalModels.manifests(),
                ModelCatalogue.cards());
        ImageDecoder decoder = new ImageDecoder(maxPixels);
        ResultStore store = new ResultStore(paths.resultsDir());
        UpscalePipeline pipeline = new UpscalePipeline(registry, decoder, store);
        DeviceJobExecutor executor = new DeviceJobExecutor(executorDevice(), pipeline);
        return new StudioServices(registry, executor, store, decoder, paths.dataDir());
    }

    /**
     * The metric service on its own CPU pool, with parameter files from the models folders' iqa/ subfolders and
     * the learned metrics exported into folders below them.
     */
    public static ScoringService scoring(StudioPaths paths) {
        return ScoringService.create(new MetricScorer(iqaParameters(paths),
                LearnedMetricFolders.find(IqaParameters.folders(paths.modelDirs()))));
    }

    /** The CLI's services, with the learned metrics that only this layer may reach the engine for. */
    public static ServicesFactory cliServices(StudioPaths paths) {
        return new ServicesFactory() {
            @Override
            public StudioServices create(long maxPixels) {
                return Studio.create(paths, maxPixels);
            }

            @Override
            public List<TorchScriptScorer> learnedMetrics(List<Path> iqaDirs) {
                return LearnedMetricFolders.find(iqaDirs);
            }
        };
    }

    public static IqaParameters iqaParameters(StudioPaths paths) {
        return IqaParameters.forModelDirs(paths.modelDirs());
    }

    static List<ModelLoader> loaders() {
        List<ModelLoader> loaders = new ArrayList<>();
        loaders.add(ClassicalModels.loader());
        loaders.addAll(EngineLoaders.all());
        return loaders;
    }

    /**
     * The device the executor's jobs run on. Only a configured CUDA libtorch can make it a GPU, so the engine is
     * started here only then; otherwise classical jobs never pay for starting it.
     */
    private static String executorDevice() {
        String library = System.getenv(EngineDevice.LIBRARY_PATH);
        if (library == null || library.isBlank()) {
            return "cpu";
        }
        try {
            return EngineDevice.detect().describe();
        } catch (StudioException e) {
            LOG.warn(e.getMessage());
            return "cpu";
        }
    }
}
