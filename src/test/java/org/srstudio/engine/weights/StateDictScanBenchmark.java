package org.srstudio.engine.weights;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.srstudio.engine.arch.ArchitectureDetector;
import org.srstudio.engine.arch.Detection;
import org.srstudio.testing.SharedData;

/**
 * How cheap registry-scan detection is: reading only the pickle or header and detecting the architecture,
 * against reading every tensor and building the graph, for each weight file under models/. Runs only with
 * {@code -Dsrstudio.benchmark=true}; prints the median times and their ratio.
 */
class StateDictScanBenchmark {
    private static final int RUNS = 5;

    @Test
    void scanAgainstFullLoad() throws Exception {
        assumeTrue(Boolean.getBoolean("srstudio.benchmark"), "benchmark: run with -Dsrstudio.benchmark=true");
        Path models = SharedData.repoRoot().resolve("models");
        assumeTrue(Files.isDirectory(models), "models/ is absent");
        List<Path> files;
        try (Stream<Path> s = Files.find(models, 3, (p, a) -> a.isRegularFile()
                && WeightFiles.formatOf(p).isPresent())) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            double scan = median(() -> ArchitectureDetector.detect(WeightFiles.open(f).shapes()));
            double full = median(() -> {
                StateDict dict = WeightFiles.open(f);
                Detection d = ArchitectureDetector.detect(dict.shapes());
                var weights = dict.load();
                if (d instanceof Detection.Supported s) {
                    s.architecture().build("bench", weights);
                }
            });
            System.out.printf("%-40s scan %8.2f ms   full load %8.2f ms   scan/full %.3f%n",
                    f.getFileName(), scan, full, scan / full);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double median(Work w) throws Exception {
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            w.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }
}
