package org.srstudio.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.srstudio.core.StudioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where neural models run: the CPU from the bundled PyTorch natives (offline, no download), or a CUDA GPU when
 * the user points {@code PYTORCH_LIBRARY_PATH} at a CUDA build of libtorch 2.7.1. Detection never fails over a
 * bad GPU setup: it falls back to the CPU and keeps one warning sentence for the CLI and the UI.
 */
public final class EngineDevice {
    public static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    public static final String THREADS_PROPERTY = "srstudio.threads";
    private static final Logger LOG = LoggerFactory.getLogger(EngineDevice.class);
    private static final String ENGINE = "PyTorch";
    private static EngineDevice detected;

    private final Device device;
    private final int threads;
    private final String gpuName;
    private final String warning;

    private EngineDevice(Device device, int threads, String gpuName, String warning) {
        this.device = device;
        this.threads = threads;
        this.gpuName = gpuName;
        this.warning = warning;
    }

    /** The device for this process, found once: the GPU when a CUDA libtorch is configured and usable, else the CPU. */
    public static synchronized EngineDevice detect() throws StudioException {
        if (detected == null) {
            detected = probe(defaultThreads());
        }
        return detected;
    }

    /** The CPU with a given number of intra-op threads (benchmarks and tests pin it). */
    public static EngineDevice cpu(int threads) throws StudioException {
        if (threads < 1) {
            throw new IllegalArgumentException("At least one thread is needed, got " + threads);
        }
        String configured = envOrProperty(LIBRARY_PATH);
        boolean bundledCpuLibrary = configured != null && !configured.isBlank() && hasLibTorch(configured)
                && "cpu".equals(envOrProperty("PYTORCH_FLAVOR"));
        configureNatives(false, bundledCpuLibrary);
        startEngine();
        return new EngineDevice(Device.cpu(), threads, null, null);
    }

    static EngineDevice probe(int threads) throws StudioException {
        String configured = envOrProperty(LIBRARY_PATH);
        boolean ownLibrary = configured != null && !configured.isBlank();
        String warning = null;
        if (ownLibrary && !hasLibTorch(configured)) {
            warning = LIBRARY_PATH + " points to " + configured
                    + ", which holds no libtorch library, so SR Studio runs on the CPU.";
            ownLibrary = false;
        }
        // A library declared as the CPU flavour (the installed app's bundled libtorch) is no GPU candidate.
        boolean gpuCandidate = ownLibrary && !"cpu".equals(envOrProperty("PYTORCH_FLAVOR"));
        configureNatives(gpuCandidate, ownLibrary);
        Engine engine = startEngine();
        if (gpuCandidate) {
            int gpus = engine.getGpuCount();
            if (gpus > 0) {
                Device gpu = Device.gpu(0);
                return new EngineDevice(gpu, threads, "CUDA", null);
            }
            warning = "The libtorch in " + configured + " sees no CUDA GPU, so SR Studio runs on the CPU.";
        }
        if (warning != null) {
            LOG.warn(warning);
        }
        return new EngineDevice(Device.cpu(), threads, null, warning);
    }

    /** Must run before the first engine start: DJL reads these once. */
    private static void configureNatives(boolean gpuCandidate, boolean keepLibrary) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("ai.djl.pytorch.graph_optimizer") == null) {
            System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        }
        if (envOrProperty("PYTORCH_FLAVOR") == null) {
            System.setProperty("PYTORCH_FLAVOR", gpuCandidate ? "cu128" : "cpu");
        }
        if (!keepLibrary && System.getenv(LIBRARY_PATH) == null && System.getProperty(LIBRARY_PATH) != null) {
            System.clearProperty(LIBRARY_PATH);
        }
    }

    private static Engine startEngine() throws StudioException {
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new StudioException("The PyTorch engine could not start (" + firstLine(e) + ").", e);
        }
    }

    private static boolean hasLibTorch(String paths) {
        for (String p : paths.split(java.io.File.pathSeparator)) {
            Path path = Path.of(p);
            if (Files.isRegularFile(path) && path.getFileName().toString().contains("torch")) {
                return true;
            }
            if (Files.isDirectory(path) && (Files.exists(path.resolve("libtorch.so"))
                    || Files.exists(path.resolve("torch.dll")) || Files.exists(path.resolve("libtorch.dylib")))) {
                return true;
            }
        }
        return false;
    }

    private static int defaultThreads() {
        String prop = System.getProperty(THREADS_PROPERTY);
        if (prop != null) {
            try {
                return Math.max(1, Integer.parseInt(prop.trim()));
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring {}={}: not a number", THREADS_PROPERTY, prop);
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static String envOrProperty(String key) {
        String env = System.getenv(key);
        return env != null ? env : System.getProperty(key);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    public Device device() {
        return device;
    }

    public boolean isGpu() {
        return device.isGpu();
    }

    public int threads() {
        return threads;
    }

    /** E.g. "cpu (2 threads)" or "cuda:0 (CUDA)": for {@code srstudio models} and provenance. */
    public String describe() {
        if (device.isGpu()) {
            return "cuda:" + device.getDeviceId() + (gpuName == null ? "" : " (" + gpuName + ")");
        }
        return "cpu (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    /** Same as {@link #describe()}. */
    public String description() {
        return describe();
    }

    /** One sentence when a configured GPU could not be used and the CPU runs instead. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /** Applies the thread count to the calling thread's libtorch (intra-op threads are per process, grad mode per thread). */
    void prepareCurrentThread() {
        JniUtils.setGradMode(false);
        if (!device.isGpu() && JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    @Override
    public String toString() {
        return describe().toLowerCase(Locale.ROOT);
    }
}
