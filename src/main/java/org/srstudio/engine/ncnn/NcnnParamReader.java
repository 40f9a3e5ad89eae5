package org.srstudio.engine.ncnn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.srstudio.core.StudioException;

/** Reads the text form of an ncnn {@code .param} file: magic 7767517, counts, then one layer a line. */
public final class NcnnParamReader {
    public static final int MAGIC = 7767517;
    /** Keys at or below this carry arrays: key −23300−id, value "count,v1,…". */
    private static final int ARRAY_KEY_BASE = -23300;

    private NcnnParamReader() {
    }

    public static List<NcnnLayer> read(Path file) throws StudioException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw notParam(file, "it is not text (the binary .param.bin form is not supported)");
        } catch (IOException e) {
            throw new StudioException("Cannot read the ncnn file " + file + ": " + e.getMessage() + ".", e);
        }
        return parse(lines, file.toString());
    }

    public static List<NcnnLayer> parse(List<String> rawLines, String where) throws StudioException {
        List<String> lines = rawLines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty() || !lines.get(0).equals(Integer.toString(MAGIC))) {
            throw notParam(where, "it does not start with the magic number " + MAGIC);
        }
        if (lines.size() < 2) {
            throw notParam(where, "it has no layer count");
        }
        String[] counts = lines.get(1).split("\\s+");
        int layerCount;
        try {
            layerCount = Integer.parseInt(counts[0]);
        } catch (NumberFormatException e) {
            throw notParam(where, "its second line is not a layer count");
        }
        List<NcnnLayer> layers = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            layers.add(parseLayer(lines.get(i), i + 1, where));
        }
        if (layers.size() != layerCount) {
            throw new StudioException("The ncnn file " + where + " declares " + layerCount + " layers but lists "
                    + layers.size() + ".");
        }
        Set<String> made = new HashSet<>();
        for (NcnnLayer l : layers) {
            for (String b : l.bottoms()) {
                if (!made.contains(b)) {
                    throw new StudioException("The ncnn file " + where + " uses blob '" + b + "' in layer "
                            + l.name() + " before any layer makes it.");
                }
            }
            made.addAll(l.tops());
        }
        return layers;
    }

    private static NcnnLayer parseLayer(String line, int lineNo, String where) throws StudioException {
        String[] tok = line.split("\\s+");
        try {
            String type = tok[0];
            String name = tok[1];
            int nin = Integer.parseInt(tok[2]);
            int nout = Integer.parseInt(tok[3]);
            List<String> bottoms = Arrays.asList(tok).subList(4, 4 + nin);
            List<String> tops = Arrays.asList(tok).subList(4 + nin, 4 + nin + nout);
            Map<Integer, String> params = new HashMap<>();
            for (int k = 4 + nin + nout; k < tok.length; k++) {
                int eq = tok[k].indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("no '=' in " + tok[k]);
                }
                int key = Integer.parseInt(tok[k].substring(0, eq));
                String value = tok[k].substring(eq + 1);
                if (key <= ARRAY_KEY_BASE) {
                    String[] parts = value.split(",", 2);
                    int n = Integer.parseInt(parts[0]);
                    String values = parts.length > 1 ? parts[1] : "";
                    if ((values.isEmpty() ? 0 : values.split(",").length) != n) {
                        throw new IllegalArgumentException("array length " + n + " does not match its values");
                    }
                    params.put(ARRAY_KEY_BASE - key, values);
                } else {
                    params.put(key, value);
                }
            }
            return new NcnnLayer(type, name, bottoms, tops, params);
        } catch (RuntimeException e) {
            throw new StudioException("The ncnn file " + where + " has a malformed layer on line " + lineNo + ".", e);
        }
    }

    private static StudioException notParam(Object where, String why) {
        return new StudioException("The file " + where + " is not an ncnn .param file: " + why + ".");
    }
}
