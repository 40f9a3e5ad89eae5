package org.srstudio.iqa.params;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.srstudio.core.StudioException;

/** Plain-text matrices: comma- or whitespace-separated numbers, one row per line, {@code #} comment lines. */
public final class CsvMatrices {
    private CsvMatrices() {
    }

    public static Matrix read(Path file) throws StudioException {
        List<double[]> rows = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("[,;\\s]+");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        row[i] = Double.parseDouble(parts[i]);
                    } catch (NumberFormatException e) {
                        throw new StudioException("Line " + lineNo + " of " + file.getFileName() + " has a value that is not a number: \""
                                + parts[i] + "\".");
                    }
                }
                if (!rows.isEmpty() && rows.get(0).length != row.length) {
                    throw new StudioException("Line " + lineNo + " of " + file.getFileName() + " has " + row.length
                            + " values where earlier lines have " + rows.get(0).length + ".");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new StudioException("Cannot read the parameter file " + file + ".", e);
        }
        if (rows.isEmpty()) {
            throw new StudioException("The parameter file " + file.getFileName() + " holds no numbers.");
        }
        int cols = rows.get(0).length;
        double[] data = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, data, r * cols, cols);
        }
        return new Matrix(file.getFileName().toString(), rows.size(), cols, data);
    }

    public static void write(Path file, String comment, double[][] rows) throws StudioException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# " + comment + "\n");
            for (double[] row : rows) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(String.format(Locale.ROOT, "%.17g", row[i]));
                }
                w.write(sb.append('\n').toString());
            }
        } catch (IOException e) {
            throw new StudioException("Cannot write " + file + ".", e);
        }
    }
}
