package org.srstudio.iqa.params;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.srstudio.core.StudioException;

/**
 * numpy {@code .npy} arrays and {@code .npz} archives (a zip of .npy files): reads 1-D and 2-D float/int arrays
 * in C or Fortran order, writes float64 arrays. Enough for BasicSR's {@code niqe_pris_params.npz}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Every array of an .npz file by name (without the .npy suffix). */
    public static Map<String, Matrix> readNpz(Path file) throws StudioException {
        Map<String, Matrix> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                String key = name.substring(0, name.length() - 4);
                out.put(key, parse(key, zip.readAllBytes(), file));
            }
        } catch (IOException e) {
            throw new StudioException("Cannot read the numpy archive " + file + ".", e);
        }
        if (out.isEmpty()) {
            throw new StudioException("The file " + file.getFileName() + " is not a numpy .npz archive with arrays.");
        }
        return out;
    }

    public static Matrix readNpy(Path file) throws StudioException {
        try (InputStream in = Files.newInputStream(file)) {
            String name = file.getFileName().toString().replaceFirst("\\.npy$", "");
            return parse(name, in.readAllBytes(), file);
        } catch (IOException e) {
            throw new StudioException("Cannot read the numpy file " + file + ".", e);
        }
    }

    static Matrix parse(String name, byte[] bytes, Path file) throws StudioException {
        String what = file.getFileName() + (name.isEmpty() ? "" : " (" + name + ")");
        if (bytes.length < 10) {
            throw new StudioException("The numpy array " + what + " is truncated.");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new StudioException("The array " + what + " is not in numpy .npy format.");
            }
        }
        int major = bytes[6] & 0xff;
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            start = 10;
        } else {
            headerLen = bb.getInt(8);
            start = 12;
        }
        if (start + headerLen > bytes.length) {
            throw new StudioException("The numpy array " + what + " is truncated.");
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new StudioException("The numpy array " + what + " has a header this reader does not understand.");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        boolean fortran = f.group(1).equals("True");
        String[] dims = s.group(1).split(",");
        int rows = 1;
        int cols = 1;
        int nd = 0;
        int[] shape = new int[2];
        for (String dim : dims) {
            if (!dim.isBlank()) {
                if (nd == 2) {
                    throw new StudioException("The numpy array " + what + " has more than two dimensions.");
                }
                shape[nd++] = Integer.parseInt(dim.strip());
            }
        }
        if (nd == 1) {
            cols = shape[0];
        } else if (nd == 2) {
            rows = shape[0];
            cols = shape[1];
        }
        long count = (long) rows * cols;
        int dataStart = start + headerLen;
        if (dataStart + count * size > bytes.length) {
            throw new StudioException("The numpy array " + what + " is truncated.");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) (count * size)).slice().order(order);
        if (kind != 'f' && kind != 'i' && kind != 'u' || kind == 'f' && size != 4 && size != 8) {
            throw new StudioException("The numpy array " + what + " has the element type " + kind + size
                    + ", which is not a number type this reader supports.");
        }
        double[] v = new double[(int) count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (kind) {
                case 'f' -> size == 8 ? data.getDouble(i * 8) : size == 4 ? data.getFloat(i * 4) : Double.NaN;
                case 'i' -> size == 8 ? data.getLong(i * 8) : size == 4 ? data.getInt(i * 4)
                        : size == 2 ? data.getShort(i * 2) : data.get(i);
                case 'u' -> size == 8 ? data.getLong(i * 8) : size == 4 ? data.getInt(i * 4) & 0xffffffffL
                        : size == 2 ? data.getShort(i * 2) & 0xffff : data.get(i) & 0xff;
                default -> Double.NaN;
            };
        }
        if (fortran && nd == 2) {
            double[] c = new double[v.length];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    c[r * cols + k] = v[k * rows + r];
                }
            }
            v = c;
        }
        return new Matrix(name, rows, cols, v);
    }

    /** Writes float64 arrays as an uncompressed-member .npz file, readable by {@code numpy.load}. */
    public static void writeNpz(Path file, Map<String, double[][]> arrays) throws StudioException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, double[][]> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(toNpy(e.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new StudioException("Cannot write " + file + ".", e);
        }
    }

    static byte[] toNpy(double[][] a) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        String dict = String.format(Locale.ROOT, "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }", rows, cols);
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer bb = ByteBuffer.allocate(rows * cols * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : a) {
            for (double v : row) {
                bb.putDouble(v);
            }
        }
        out.writeBytes(bb.array());
        return out.toByteArray();
    }
}
