package org.srstudio.engine.weights;

import java.nio.ByteBuffer;

/** An element type a weight file may store; every one is widened or narrowed to float32 on reading. */
public enum DType {
    F32(4), F16(2), BF16(2), F64(8), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** Reads element {@code index} of a buffer holding elements of this type, in the buffer's byte order. */
    public float read(ByteBuffer buf, long index) {
        int at = Math.toIntExact(index * bytes);
        return switch (this) {
            case F32 -> buf.getFloat(at);
            case F16 -> halfToFloat(buf.getShort(at));
            case BF16 -> Float.intBitsToFloat((buf.getShort(at) & 0xffff) << 16);
            case F64 -> (float) buf.getDouble(at);
            case I64 -> (float) buf.getLong(at);
            case I32 -> (float) buf.getInt(at);
            case I16 -> (float) buf.getShort(at);
            case I8 -> (float) buf.get(at);
            case U8, BOOL -> (float) (buf.get(at) & 0xff);
        };
    }

    /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
