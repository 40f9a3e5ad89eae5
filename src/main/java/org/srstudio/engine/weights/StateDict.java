package org.srstudio.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Tensor;

/**
 * The tensors of a weight file, by name in file order, already unwrapped from checkpoint wrappers. Shapes are
 * known without reading any values, so architecture detection stays cheap; {@link #load()} reads the values.
 */
public final class StateDict {
    private final String file;
    private final Map<String, StoredTensor> tensors;
    private final StorageSource source;

    StateDict(String file, Map<String, StoredTensor> tensors, StorageSource source) {
        this.file = file;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.source = source;
    }

    /** The file name, for sentences. */
    public String file() {
        return file;
    }

    public Map<String, StoredTensor> tensors() {
        return tensors;
    }

    /** Tensor shapes by name, in file order. */
    public Map<String, int[]> shapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        tensors.forEach((k, t) -> shapes.put(k, t.shape()));
        return shapes;
    }

    /** Reads every tensor as float32, honouring storage offsets and strides. */
    public Map<String, Tensor> load() throws StudioException {
        Map<String, ByteBuffer> storages = new HashMap<>();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            StoredTensor t = e.getValue();
            ByteBuffer buf = storages.get(t.storage());
            if (buf == null) {
                try {
                    buf = source.read(t.storage());
                } catch (IOException ex) {
                    throw new StudioException("Cannot read tensor " + e.getKey() + " of " + file + ": "
                            + ex.getMessage() + ".", ex);
                }
                storages.put(t.storage(), buf);
            }
            out.put(e.getKey(), materialise(e.getKey(), t, buf));
        }
        return out;
    }

    private Tensor materialise(String name, StoredTensor t, ByteBuffer buf) throws StudioException {
        long available = buf.remaining() / t.dtype().bytes();
        if (t.extent() > available) {
            throw new StudioException(file + " is truncated or corrupt: tensor " + name + " needs "
                    + t.extent() + " elements of its storage, which holds " + available + ".");
        }
        if (t.numel() > Integer.MAX_VALUE - 8) {
            throw new StudioException("Tensor " + name + " of " + file + " is too large to hold in memory.");
        }
        int[] shape = t.shape();
        long[] strides = t.strides();
        float[] data = new float[(int) t.numel()];
        ByteBuffer view = buf.slice().order(buf.order());
        if (Arrays.equals(strides, StoredTensor.contiguousStrides(shape))) {
            for (int i = 0; i < data.length; i++) {
                data[i] = t.dtype().read(view, t.offset() + i);
            }
        } else {
            int[] index = new int[shape.length];
            for (int i = 0; i < data.length; i++) {
                long at = t.offset();
                for (int d = 0; d < shape.length; d++) {
                    at += index[d] * strides[d];
                }
                data[i] = t.dtype().read(view, at);
                for (int d = shape.length - 1; d >= 0; d--) {
                    if (++index[d] < shape[d]) {
                        break;
                    }
                    index[d] = 0;
                }
            }
        }
        return new Tensor(shape, data);
    }
}
