package org.srstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.srstudio.bench.ClassicalBenchmark;
import org.srstudio.bench.DiffusionBenchmark;
import org.srstudio.bench.IqaBenchmark;
import org.srstudio.bench.NeuralBenchmark;
import org.srstudio.bench.SamplerBenchmark;
import org.srstudio.bench.UiBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code srstudio bench}: performance targets live here, not in tests. Each suite prints a table with a
 * reference measured in the same run and the ratio to it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run benchmarks and print tables next to references measured in the same run.")
final class BenchCommand implements Callable<Integer> {
    /** A benchmark suite: prints its own table. */
    @FunctionalInterface
    interface Suite {
        void run(PrintWriter out, Path modelsDir) throws Exception;
    }

    static final Map<String, Suite> SUITES = new LinkedHashMap<>();

    static {
        SUITES.put("classical", (out, models) -> ClassicalBenchmark.run(out));
        SUITES.put("neural", NeuralBenchmark::run);
        SUITES.put("iqa", (out, models) -> IqaBenchmark.run(out));
        SUITES.put("samplers", (out, models) -> SamplerBenchmark.run(out));
        SUITES.put("ui", (out, models) -> UiBenchmark.run(out));
        SUITES.put("diffusion", (out, models) -> DiffusionBenchmark.run(out));
    }

    @Parameters(arity = "0..*", paramLabel = "SUITE", description = "Suites to run: ${COMPLETION-CANDIDATES}; default: all.",
            completionCandidates = SuiteNames.class)
    List<String> suites;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServicesFactory servicesFactory;

    BenchCommand(ServicesFactory servicesFactory) {
        this.servicesFactory = servicesFactory;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> chosen = suites == null || suites.isEmpty() ? List.copyOf(SUITES.keySet()) : suites;
        for (String name : chosen) {
            if (!SUITES.containsKey(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Unknown benchmark '" + name + "'; choose from " + String.join(", ", SUITES.keySet()));
            }
        }
        Path modelsDir;
        try (var services = servicesFactory.create(org.srstudio.core.image.ImageDecoder.DEFAULT_MAX_PIXELS)) {
            modelsDir = services.registry().modelsDir();
        }
        for (String name : chosen) {
            out.println("== " + name);
            out.flush();
            SUITES.get(name).run(out, modelsDir);
            out.println();
            out.flush();
        }
        return 0;
    }

    static final class SuiteNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SUITES.keySet().iterator();
        }
    }
}
