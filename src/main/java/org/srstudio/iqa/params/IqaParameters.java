package org.srstudio.iqa.params;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.BrisqueModel;
import org.srstudio.iqa.NiqeModel;

/**
 * Finds the NIQE and BRISQUE parameter files the user put in {@code models/iqa/} (the studio ships none) and
 * loads them once. NIQE: {@code niqe_pris_params.npz} (BasicSR, or written by {@code fit-niqe}),
 * {@code modelparameters.mat} (LIVE), or {@code *mu*.csv} + {@code *cov*.csv}. BRISQUE: {@code allmodel} +
 * {@code allrange} (LIVE), the CSV triple {@code *sv*.csv}, {@code *coef*.csv}, {@code *range*.csv} (LIVE model,
 * γ 0.05, ρ −153.591), or OpenCV's {@code brisque_model_live.yml} + {@code brisque_range_live.yml}, also looked
 * for where Debian's {@code opencv-data} installs them.
 */
public final class IqaParameters {
    public static final Path OPENCV_SYSTEM_DIR = Path.of("/usr/share/opencv4/quality");

    private final Path dir;
    private final List<Path> fallbackDirs;
    private volatile Availability<NiqeModel> niqe;
    private volatile Availability<BrisqueModel> brisque;

    public IqaParameters(Path dir, List<Path> fallbackDirs) {
        this.dir = dir;
        this.fallbackDirs = List.copyOf(fallbackDirs);
    }

    /** {@code dir} plus the system OpenCV data folder. */
    public static IqaParameters standard(Path dir) {
        return new IqaParameters(dir, List.of(OPENCV_SYSTEM_DIR));
    }

    /**
     * Parameter files from the {@code iqa/} subfolder of each models folder, the first being the user's, then
     * the system OpenCV data folder (Debian's opencv-data ships the BRISQUE model there).
     */
    public static IqaParameters forModelDirs(List<Path> modelDirs) {
        List<Path> dirs = folders(modelDirs);
        List<Path> fallbacks = new java.util.ArrayList<>(dirs.subList(1, dirs.size()));
        fallbacks.add(OPENCV_SYSTEM_DIR);
        return new IqaParameters(dirs.get(0), fallbacks);
    }

    /** The {@code iqa/} subfolder of each models folder: where metric parameters and learned metrics live. */
    public static List<Path> folders(List<Path> modelDirs) {
        return modelDirs.stream().map(d -> d.resolve("iqa")).toList();
    }

    /** Models given directly (tests, or an API caller that loaded them itself). */
    public static IqaParameters of(NiqeModel niqe, BrisqueModel brisque) {
        IqaParameters p = new IqaParameters(Path.of("."), List.of());
        p.niqe = niqe == null ? Availability.missing("No NIQE model was given.") : Availability.of(niqe);
        p.brisque = brisque == null ? Availability.missing("No BRISQUE model was given.") : Availability.of(brisque);
        return p;
    }

    public Path dir() {
        return dir;
    }

    public Availability<NiqeModel> niqe() {
        Availability<NiqeModel> a = niqe;
        if (a == null) {
            synchronized (this) {
                if (niqe == null) {
                    niqe = loadNiqe();
                }
                a = niqe;
            }
        }
        return a;
    }

    public Availability<BrisqueModel> brisque() {
        Availability<BrisqueModel> a = brisque;
        if (a == null) {
            synchronized (this) {
                if (brisque == null) {
                    brisque = loadBrisque();
                }
                a = brisque;
            }
        }
        return a;
    }

    /** Forgets what was loaded, so files added since are found. */
    public synchronized void refresh() {
        niqe = null;
        brisque = null;
    }

    private Availability<NiqeModel> loadNiqe() {
        String howTo = "NIQE is unavailable: put niqe_pris_params.npz (BasicSR) or the LIVE modelparameters.mat in "
                + dir + ", or build one with 'srstudio fit-niqe PRISTINE_DIR'.";
        try {
            for (String n : List.of("niqe_pris_params.npz", "modelparameters.mat", "niqe_modelparameters.mat",
                    "niqe_image_params.mat")) {
                Path p = dir.resolve(n);
                if (Files.isRegularFile(p)) {
                    return Availability.of(NiqeModels.read(p));
                }
            }
            Optional<Path> mu = find(dir, n -> n.startsWith("niqe") && n.contains("mu") && n.endsWith(".csv"));
            Optional<Path> cov = find(dir, n -> n.startsWith("niqe") && n.contains("cov") && n.endsWith(".csv"));
            if (mu.isPresent() && cov.isPresent()) {
                return Availability.of(NiqeModels.readCsv(mu.get(), cov.get()));
            }
        } catch (StudioException e) {
            return Availability.missing("NIQE is unavailable: " + lowerFirst(e.getMessage()));
        }
        return Availability.missing(howTo);
    }

    private Availability<BrisqueModel> loadBrisque() {
        String howTo = "BRISQUE is unavailable: put the LIVE allmodel and allrange files (or OpenCV's "
                + "brisque_model_live.yml and brisque_range_live.yml) in " + dir + ".";
        try {
            Path model = dir.resolve("allmodel");
            Path range = dir.resolve("allrange");
            if (Files.isRegularFile(model) && Files.isRegularFile(range)) {
                return Availability.of(BrisqueModels.fromLibsvm(model, range));
            }
            Optional<Path> coef = find(dir, n -> n.startsWith("brisque") && n.contains("coef") && n.endsWith(".csv"));
            Optional<Path> sv = find(dir, n -> n.startsWith("brisque") && n.contains("_sv") && !n.contains("coef")
                    && n.endsWith(".csv"));
            Optional<Path> rng = find(dir, n -> n.startsWith("brisque") && n.contains("range") && n.endsWith(".csv"));
            if (coef.isPresent() && sv.isPresent() && rng.isPresent()) {
                return Availability.of(BrisqueModels.fromCsv(sv.get(), coef.get(), rng.get(), BrisqueModel.LIVE_GAMMA,
                        BrisqueModel.LIVE_RHO));
            }
            List<Path> dirs = new ArrayList<>();
            dirs.add(dir);
            dirs.addAll(fallbackDirs);
            for (Path d : dirs) {
                Path m = d.resolve("brisque_model_live.yml");
                Path r = d.resolve("brisque_range_live.yml");
                if (Files.isRegularFile(m) && Files.isRegularFile(r)) {
                    return Availability.of(BrisqueModels.fromOpenCv(m, r));
                }
            }
        } catch (StudioException e) {
            return Availability.missing("BRISQUE is unavailable: " + lowerFirst(e.getMessage()));
        }
        return Availability.missing(howTo);
    }

    private static Optional<Path> find(Path dir, Predicate<String> name) throws StudioException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> name.test(p.getFileName().toString().toLowerCase(Locale.ROOT))).sorted().findFirst();
        } catch (IOException e) {
            throw new StudioException("Cannot list the parameter folder " + dir + ".", e);
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
