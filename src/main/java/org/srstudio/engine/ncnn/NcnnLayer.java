package org.srstudio.engine.ncnn;

import java.util.List;
import java.util.Map;

/**
 * One line of an ncnn {@code .param} file. Parameter values are kept as text and read with the type the layer
 * expects, because the format itself does not say whether "1" is an int or a float.
 */
public record NcnnLayer(String type, String name, List<String> bottoms, List<String> tops,
                        Map<Integer, String> params) {
    public NcnnLayer {
        bottoms = List.copyOf(bottoms);
        tops = List.copyOf(tops);
        params = Map.copyOf(params);
    }

    public int intParam(int id, int fallback) {
        String v = params.get(id);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return (int) Float.parseFloat(v);
        }
    }

    public float floatParam(int id, float fallback) {
        String v = params.get(id);
        return v == null ? fallback : Float.parseFloat(v);
    }

    public boolean has(int id) {
        return params.containsKey(id);
    }

    /** An array parameter written as {@code -233xx=n,v1,…,vn} (or {@code id=v1,…}); empty when absent. */
    public float[] floatArray(int id) {
        String v = params.get(id);
        if (v == null || v.isEmpty()) {
            return new float[0];
        }
        String[] parts = v.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }
}
