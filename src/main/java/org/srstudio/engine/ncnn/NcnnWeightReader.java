package org.srstudio.engine.ncnn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.srstudio.core.StudioException;

/**
 * Reads an ncnn {@code .bin} in layer order, the way ncnn's ModelBin does: tagged arrays (convolution weights)
 * start with a 4-byte storage tag — 0 for float32, 0x01306B47 for float16 (widened exactly), any other non-zero
 * value for a 256-entry float table indexed by bytes — and untagged arrays (biases, PReLU slopes) are float32.
 */
public final class NcnnWeightReader {
    public static final int TAG_FP32 = 0;
    public static final int TAG_FP16 = 0x01306B47;
    public static final int TAG_INT8 = 0x000D4B38;
    public static final int TAG_FP32_SCALED = 0x0002C056;

    private final Path file;
    private final ByteBuffer buf;

    private NcnnWeightReader(Path file, ByteBuffer buf) {
        this.file = file;
        this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
    }

    public static NcnnWeightReader open(Path file) throws StudioException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new StudioException("The ncnn weight file " + file + " is larger than 2 GB, which SR Studio does not read.");
            }
            ByteBuffer b = ByteBuffer.allocate((int) ch.size());
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read fully
            }
            b.flip();
            return new NcnnWeightReader(file, b);
        } catch (IOException e) {
            throw new StudioException("Cannot read the ncnn weight file " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /** A weight array that begins with a storage tag. */
    public float[] tagged(int n, String layer) throws StudioException {
        int tag = take(4, layer).getInt();
        if (tag == TAG_FP16) {
            ByteBuffer b = take((2 * n + 3) / 4 * 4, layer);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = halfToFloat(b.getShort());
            }
            return out;
        }
        if (tag == TAG_FP32 || tag == TAG_FP32_SCALED) {
            return raw(n, layer);
        }
        if (tag == TAG_INT8) {
            throw new StudioException("Layer " + layer + " in " + file + " stores int8 weights, which SR Studio does not support.");
        }
        ByteBuffer table = take(256 * 4, layer);
        float[] values = new float[256];
        for (int i = 0; i < 256; i++) {
            values[i] = table.getFloat();
        }
        ByteBuffer idx = take((n + 3) / 4 * 4, layer);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[idx.get() & 0xFF];
        }
        return out;
    }

    /** An untagged float32 array. */
    public float[] raw(int n, String layer) throws StudioException {
        ByteBuffer b = take(4L * n, layer);
        float[] out = new float[n];
        b.asFloatBuffer().get(out);
        return out;
    }

    public int remaining() {
        return buf.remaining();
    }

    private ByteBuffer take(long n, String layer) throws StudioException {
        if (n < 0 || n > buf.remaining()) {
            throw new StudioException("The ncnn weight file " + file + " is truncated: it ends inside the weights of layer "
                    + layer + ".");
        }
        ByteBuffer slice = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit((int) n);
        buf.position(buf.position() + (int) n);
        return slice;
    }

    /** IEEE 754 binary16 to float32, exact (every half value is representable as a float). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
