package org.srstudio.iqa.params;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srstudio.core.StudioException;
import org.srstudio.iqa.BrisqueModel;

/**
 * Reads BRISQUE SVR models in the three forms users have: the LIVE release's libsvm text {@code allmodel} with
 * its {@code svm-scale} range file {@code allrange}; three CSV tables (support vectors, coefficients, feature
 * ranges); OpenCV's {@code brisque_model_live.yml} + {@code brisque_range_live.yml} (a different, retrained model).
 */
public final class BrisqueModels {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private BrisqueModels() {
    }

    /** libsvm {@code allmodel} + svm-scale {@code allrange}. */
    public static BrisqueModel fromLibsvm(Path model, Path range) throws StudioException {
        double gamma = Double.NaN;
        double rho = Double.NaN;
        List<double[]> svs = new ArrayList<>();
        List<Double> coefs = new ArrayList<>();
        List<String> lines = lines(model);
        boolean inSv = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!inSv) {
                String[] kv = line.split("\\s+", 2);
                switch (kv[0]) {
                    case "gamma" -> gamma = number(kv, model);
                    case "rho" -> rho = number(kv, model);
                    case "kernel_type" -> {
                        if (kv.length < 2 || !kv[1].equals("rbf")) {
                            throw new StudioException("The BRISQUE model " + model.getFileName() + " does not use an RBF kernel.");
                        }
                    }
                    case "SV" -> inSv = true;
                    default -> {
                    }
                }
                continue;
            }
            String[] t = line.split("\\s+");
            double[] sv = new double[BrisqueModel.FEATURES];
            try {
                coefs.add(Double.parseDouble(t[0]));
                for (int i = 1; i < t.length; i++) {
                    int colon = t[i].indexOf(':');
                    int idx = Integer.parseInt(t[i].substring(0, colon)) - 1;
                    if (idx < 0 || idx >= BrisqueModel.FEATURES) {
                        throw new StudioException("The BRISQUE model " + model.getFileName() + " has a feature index outside 1..36.");
                    }
                    sv[idx] = Double.parseDouble(t[i].substring(colon + 1));
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new StudioException("The BRISQUE model " + model.getFileName() + " has a malformed support-vector line.");
            }
            svs.add(sv);
        }
        if (!inSv || svs.isEmpty() || Double.isNaN(gamma) || Double.isNaN(rho)) {
            throw new StudioException("The file " + model.getFileName() + " is not a libsvm model with gamma, rho and support vectors.");
        }
        double[][] r = readSvmScaleRange(range);
        return build(svs.toArray(double[][]::new), coefs.stream().mapToDouble(Double::doubleValue).toArray(), gamma, rho,
                r[0], r[1], "LIVE libsvm " + model.getFileName());
    }

    /** svm-scale's range file: "x", "lower upper", then "index min max" lines. */
    static double[][] readSvmScaleRange(Path range) throws StudioException {
        double[] lo = new double[BrisqueModel.FEATURES];
        double[] hi = new double[BrisqueModel.FEATURES];
        boolean[] seen = new boolean[BrisqueModel.FEATURES];
        for (String raw : lines(range)) {
            String[] t = raw.strip().split("\\s+");
            if (t.length != 3) {
                continue;
            }
            try {
                int idx = Integer.parseInt(t[0]) - 1;
                if (idx >= 0 && idx < BrisqueModel.FEATURES) {
                    lo[idx] = Double.parseDouble(t[1]);
                    hi[idx] = Double.parseDouble(t[2]);
                    seen[idx] = true;
                }
            } catch (NumberFormatException e) {
                throw new StudioException("The BRISQUE range file " + range.getFileName() + " has a malformed line: \"" + raw.strip() + "\".");
            }
        }
        for (boolean s : seen) {
            if (!s) {
                throw new StudioException("The BRISQUE range file " + range.getFileName() + " does not give all 36 feature ranges.");
            }
        }
        return new double[][] {lo, hi};
    }

    /** The three CSV tables: 774×36 support vectors, 774 coefficients, 36×2 (min, max); γ and ρ given. */
    public static BrisqueModel fromCsv(Path supportVectors, Path coefficients, Path range, double gamma, double rho)
            throws StudioException {
        Matrix sv = CsvMatrices.read(supportVectors);
        Matrix coef = CsvMatrices.read(coefficients);
        Matrix r = CsvMatrices.read(range);
        if (sv.cols() != BrisqueModel.FEATURES) {
            throw new StudioException("The support-vector table " + supportVectors.getFileName() + " has " + sv.cols()
                    + " columns instead of 36.");
        }
        if (r.rows() != BrisqueModel.FEATURES || r.cols() != 2) {
            throw new StudioException("The range table " + range.getFileName() + " must have 36 rows of min,max.");
        }
        double[] lo = new double[BrisqueModel.FEATURES];
        double[] hi = new double[BrisqueModel.FEATURES];
        for (int i = 0; i < BrisqueModel.FEATURES; i++) {
            lo[i] = r.get(i, 0);
            hi[i] = r.get(i, 1);
        }
        return build(sv.toArray(), coef.flat(), gamma, rho, lo, hi, "CSV " + supportVectors.getFileName());
    }

    /** OpenCV contrib quality module's model and range files. */
    public static BrisqueModel fromOpenCv(Path modelYml, Path rangeYml) throws StudioException {
        String model = String.join("\n", lines(modelYml));
        if (!model.contains("opencv_ml_svm") || !model.contains("EPS_SVR")) {
            throw new StudioException("The file " + modelYml.getFileName() + " is not an OpenCV epsilon-SVR model.");
        }
        if (!Pattern.compile("type:\\s*RBF").matcher(model).find()) {
            throw new StudioException("The OpenCV model " + modelYml.getFileName() + " does not use an RBF kernel.");
        }
        double gamma = scalar(model, "gamma", modelYml);
        double rho = scalar(model, "rho", modelYml);
        int svStart = model.indexOf("support_vectors:");
        int svEnd = model.indexOf("decision_functions:");
        int alphaStart = model.indexOf("alpha:", Math.max(svEnd, 0));
        if (svStart < 0 || svEnd < svStart || alphaStart < 0) {
            throw new StudioException("The OpenCV model " + modelYml.getFileName() + " has no support vectors or alphas.");
        }
        List<double[]> svs = new ArrayList<>();
        Matcher bracket = Pattern.compile("\\[([^\\]]*)\\]").matcher(model.substring(svStart, svEnd));
        while (bracket.find()) {
            svs.add(numbers(bracket.group(1)));
        }
        int alphaEnd = model.indexOf(']', alphaStart);
        double[] alpha = numbers(model.substring(model.indexOf('[', alphaStart) + 1, alphaEnd));
        String range = String.join("\n", lines(rangeYml));
        int data = range.indexOf("data:");
        if (data < 0) {
            throw new StudioException("The OpenCV range file " + rangeYml.getFileName() + " has no data matrix.");
        }
        double[] r = numbers(range.substring(range.indexOf('[', data) + 1, range.indexOf(']', data)));
        if (r.length != 2 * BrisqueModel.FEATURES) {
            throw new StudioException("The OpenCV range file " + rangeYml.getFileName() + " must hold 2x36 values, not " + r.length + ".");
        }
        double[] lo = java.util.Arrays.copyOfRange(r, 0, BrisqueModel.FEATURES);
        double[] hi = java.util.Arrays.copyOfRange(r, BrisqueModel.FEATURES, 2 * BrisqueModel.FEATURES);
        return build(svs.toArray(double[][]::new), alpha, gamma, rho, lo, hi, "OpenCV " + modelYml.getFileName());
    }

    private static BrisqueModel build(double[][] svs, double[] coefs, double gamma, double rho, double[] lo, double[] hi,
                                      String source) throws StudioException {
        try {
            return new BrisqueModel(svs, coefs, gamma, rho, lo, hi, source);
        } catch (IllegalArgumentException e) {
            throw new StudioException("The BRISQUE model " + source + " is inconsistent: " + e.getMessage() + ".");
        }
    }

    private static double scalar(String text, String key, Path file) throws StudioException {
        Matcher m = Pattern.compile("\\b" + key + ":\\s*(" + NUMBER.pattern() + ")").matcher(text);
        if (!m.find()) {
            throw new StudioException("The OpenCV model " + file.getFileName() + " has no " + key + ".");
        }
        return Double.parseDouble(m.group(1));
    }

    private static double[] numbers(String text) {
        List<Double> v = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            v.add(Double.parseDouble(m.group()));
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double number(String[] kv, Path file) throws StudioException {
        try {
            return Double.parseDouble(kv[1].strip());
        } catch (RuntimeException e) {
            throw new StudioException("The BRISQUE model " + file.getFileName() + " has a malformed " + kv[0] + " line.");
        }
    }

    private static List<String> lines(Path file) throws StudioException {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new StudioException("Cannot read the BRISQUE parameter file " + file + ".", e);
        }
    }
}
