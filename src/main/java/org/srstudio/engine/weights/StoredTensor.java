package org.srstudio.engine.weights;

import java.util.Arrays;

/**
 * A tensor as a weight file describes it, before its values are read: a strided view into one storage.
 *
 * @param storage key of the storage (a .pth storage record, or the tensor's own name in a .safetensors file)
 * @param offset  first element of the view, in elements of {@code dtype}
 */
public record StoredTensor(String storage, DType dtype, int[] shape, long[] strides, long offset) {
    public StoredTensor {
        shape = shape.clone();
        strides = strides.clone();
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in rank");
        }
        if (offset < 0 || Arrays.stream(shape).anyMatch(d -> d < 0) || Arrays.stream(strides).anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException("Negative offset, dimension or stride in " + Arrays.toString(shape));
        }
        try {
            long last = offset;
            long n = 1;
            for (int d = 0; d < shape.length; d++) {
                n = Math.multiplyExact(n, shape[d]);
                last = Math.addExact(last, Math.multiplyExact(Math.max(0, shape[d] - 1), strides[d]));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " overflows", e);
        }
    }

    public static long[] contiguousStrides(int[] shape) {
        long[] strides = new long[shape.length];
        long s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= shape[d];
        }
        return strides;
    }

    public long numel() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** One past the highest storage element the view touches (offset when it is empty). */
    public long extent() {
        if (numel() == 0) {
            return offset;
        }
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            last += (shape[d] - 1) * strides[d];
        }
        return last + 1;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public long[] strides() {
        return strides.clone();
    }
}
