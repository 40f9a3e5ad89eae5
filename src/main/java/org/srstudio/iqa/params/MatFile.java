package org.srstudio.iqa.params;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.srstudio.core.StudioException;

/**
 * A reader for the numeric 2-D real matrices of a MATLAB level-5 MAT-file (the format of {@code save} in MATLAB
 * 5 to 7.x, and of scipy's {@code savemat}): top-level variables, compressed or not, stored in any numeric
 * type. Other variables (structs, cells, sparse, complex, chars) are skipped. v7.3 files are HDF5 and refused.
 */
public final class MatFile {
    private static final int MI_INT8 = 1;
    private static final int MI_UINT8 = 2;
    private static final int MI_INT16 = 3;
    private static final int MI_UINT16 = 4;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_SINGLE = 7;
    private static final int MI_DOUBLE = 9;
    private static final int MI_INT64 = 12;
    private static final int MI_UINT64 = 13;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int CLASS_SPARSE = 5;
    private static final int CLASS_CHAR = 4;
    private static final int CLASS_CELL = 1;
    private static final int CLASS_STRUCT = 2;
    private static final int CLASS_OBJECT = 3;

    private MatFile() {
    }

    /** Every numeric real matrix in the file by variable name. */
    public static Map<String, Matrix> read(Path file) throws StudioException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StudioException("Cannot read the MATLAB file " + file + ".", e);
        }
        String name = file.getFileName().toString();
        if (bytes.length < 128) {
            throw new StudioException("The file " + name + " is too short to be a MATLAB .mat file.");
        }
        String text = new String(bytes, 0, 116, StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3") || bytes[0] == (byte) 0x89 && bytes[1] == 'H') {
            throw new StudioException("The file " + name + " is a MATLAB v7.3 (HDF5) file; save it with -v7 or -v6 instead.");
        }
        if (!text.startsWith("MATLAB 5.0 MAT-file")) {
            throw new StudioException("The file " + name + " is not a MATLAB level-5 .mat file.");
        }
        ByteOrder order;
        if (bytes[126] == 'I' && bytes[127] == 'M') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (bytes[126] == 'M' && bytes[127] == 'I') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new StudioException("The MATLAB file " + name + " has no valid byte-order mark.");
        }
        Map<String, Matrix> out = new LinkedHashMap<>();
        try {
            readElements(ByteBuffer.wrap(bytes, 128, bytes.length - 128).slice().order(order), order, out);
        } catch (RuntimeException | DataFormatException e) {
            throw new StudioException("The MATLAB file " + name + " is damaged or uses a layout this reader does not support.", e);
        }
        return out;
    }

    private static void readElements(ByteBuffer buf, ByteOrder order, Map<String, Matrix> out) throws DataFormatException {
        while (buf.remaining() >= 8) {
            int type = buf.getInt();
            int size = buf.getInt();
            if (size < 0 || size > buf.remaining()) {
                throw new IllegalStateException("element size out of range");
            }
            ByteBuffer body = buf.slice().order(order);
            body.limit(size);
            buf.position(buf.position() + size);
            if (type == MI_COMPRESSED) {
                readElements(ByteBuffer.wrap(inflate(body)).order(order), order, out);
                continue;
            }
            // uncompressed top-level elements are padded to 8 bytes
            buf.position(Math.min(buf.limit(), buf.position() + (8 - size % 8) % 8));
            if (type == MI_MATRIX) {
                Matrix m = readMatrix(body);
                if (m != null) {
                    out.put(m.name(), m);
                }
            }
        }
    }

    private static byte[] inflate(ByteBuffer body) throws DataFormatException {
        byte[] in = new byte[body.remaining()];
        body.get(in);
        Inflater inf = new Inflater();
        try {
            inf.setInput(in);
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 4);
            byte[] chunk = new byte[1 << 16];
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }

    /** One sub-element: its type and its payload. */
    private record Sub(int type, ByteBuffer data) {
    }

    private static Sub sub(ByteBuffer b) {
        int tag = b.getInt();
        int type;
        int size;
        if ((tag >>> 16) != 0) {
            // small data element: size in the upper 16 bits, data in the next 4 bytes
            type = tag & 0xffff;
            size = tag >>> 16;
            ByteBuffer d = b.slice().order(b.order());
            d.limit(size);
            b.position(b.position() + 4);
            return new Sub(type, d);
        }
        type = tag;
        size = b.getInt();
        ByteBuffer d = b.slice().order(b.order());
        d.limit(size);
        b.position(b.position() + size + (8 - size % 8) % 8);
        return new Sub(type, d);
    }

    private static Matrix readMatrix(ByteBuffer b) {
        Sub flags = sub(b);
        int flagWord = flags.data().getInt(0);
        int cls = flagWord & 0xff;
        boolean complex = (flagWord & 0x0800) != 0;
        Sub dims = sub(b);
        int nd = dims.data().remaining() / 4;
        if (nd != 2) {
            return null;
        }
        int rows = dims.data().getInt(0);
        int cols = dims.data().getInt(4);
        Sub nameSub = sub(b);
        byte[] nameBytes = new byte[nameSub.data().remaining()];
        nameSub.data().get(nameBytes);
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        if (complex || cls == CLASS_SPARSE || cls == CLASS_CHAR || cls == CLASS_CELL || cls == CLASS_STRUCT
                || cls == CLASS_OBJECT) {
            return null;
        }
        Sub real = sub(b);
        double[] colMajor = numbers(real, (long) rows * cols);
        double[] rowMajor = new double[colMajor.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                rowMajor[r * cols + c] = colMajor[c * rows + r];
            }
        }
        return new Matrix(name, rows, cols, rowMajor);
    }

    private static double[] numbers(Sub s, long count) {
        ByteBuffer d = s.data();
        double[] v = new double[(int) count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (s.type()) {
                case MI_DOUBLE -> d.getDouble(i * 8);
                case MI_SINGLE -> d.getFloat(i * 4);
                case MI_INT8 -> d.get(i);
                case MI_UINT8 -> d.get(i) & 0xff;
                case MI_INT16 -> d.getShort(i * 2);
                case MI_UINT16 -> d.getShort(i * 2) & 0xffff;
                case MI_INT32 -> d.getInt(i * 4);
                case MI_UINT32 -> d.getInt(i * 4) & 0xffffffffL;
                case MI_INT64, MI_UINT64 -> d.getLong(i * 8);
                default -> throw new IllegalStateException("unsupported numeric type " + s.type());
            };
        }
        return v;
    }
}
