package org.srstudio.iqa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.srstudio.core.StudioException;
import org.srstudio.core.image.FloatImage;
import org.srstudio.iqa.params.BrisqueModels;
import org.srstudio.iqa.params.NiqeModels;
import org.srstudio.testing.SharedData;

/** Access to ../shared/iqa for the tests: images, parameter tables, dumps and calibration rows. */
final class IqaReference {
    static final String[] IMAGES = {"I03", "I04", "I06"};

    private IqaReference() {
    }

    static FloatImage dist(String name) throws StudioException {
        return new org.srstudio.core.image.ImageDecoder().decode(SharedData.require("iqa/calibration/dist/" + name + ".bmp")).color();
    }

    static FloatImage ref(String name) throws StudioException {
        return new org.srstudio.core.image.ImageDecoder().decode(SharedData.require("iqa/calibration/ref/" + name + ".bmp")).color();
    }

    static NiqeModel liveNiqe() throws StudioException {
        return NiqeModels.readCsv(SharedData.require("iqa/params/niqe_live_mu_prisparam_1x36.csv"),
                SharedData.require("iqa/params/niqe_live_cov_prisparam_36x36.csv"));
    }

    static BrisqueModel liveBrisque() throws StudioException {
        return BrisqueModels.fromCsv(SharedData.require("iqa/params/brisque_live_sv_774x36.csv"),
                SharedData.require("iqa/params/brisque_live_sv_coef_774.csv"),
                SharedData.require("iqa/params/brisque_live_feature_range_36x2.csv"),
                BrisqueModel.LIVE_GAMMA, BrisqueModel.LIVE_RHO);
    }

    static double[][] table(String relative) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require(relative), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] t = line.split(",");
            double[] r = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                r[i] = Double.parseDouble(t[i].strip());
            }
            rows.add(r);
        }
        return rows.toArray(double[][]::new);
    }

    /** A row of reference/ref_outputs.csv (metric, variant, I03, I04, I06). */
    static double[] referenceRow(String metric, String variant) throws IOException {
        Path p = SharedData.require("iqa/reference/ref_outputs.csv");
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String prefix = line.startsWith(metric + ",\"") ? metric + ",\"" + variant + "\"," : metric + "," + variant + ",";
            if (line.startsWith(prefix)) {
                String[] t = line.substring(prefix.length()).split(",");
                double[] v = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    v[i] = Double.parseDouble(t[i]);
                }
                return v;
            }
        }
        throw new IllegalStateException("row " + metric + "/" + variant + " missing from " + p);
    }

    /** A row of calibration_summary.csv (e.g. "niqe(ours)") as I03, I04, I06 values. */
    static double[] calibration(String row) throws IOException {
        Path p = SharedData.require("iqa/calibration/calibration_summary.csv");
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        for (String line : lines) {
            String[] t = line.split(",");
            if (t[0].equals(row)) {
                double[] v = new double[IMAGES.length];
                for (int i = 0; i < IMAGES.length; i++) {
                    int col = java.util.Arrays.asList(header).indexOf(IMAGES[i] + ".bmp");
                    v[i] = Double.parseDouble(t[col]);
                }
                return v;
            }
        }
        throw new IllegalStateException("row " + row + " missing from " + p);
    }
}
