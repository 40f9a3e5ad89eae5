package org.srstudio.iqa.params;

import java.util.Objects;

/** A named dense matrix of doubles read from a parameter file, row-major. */
public record Matrix(String name, int rows, int cols, double[] data) {
    public Matrix {
        Objects.requireNonNull(name, "name");
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("Matrix " + name + " of " + rows + "x" + cols + " has " + data.length + " values");
        }
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    public double[][] toArray() {
        double[][] a = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols, a[r], 0, cols);
        }
        return a;
    }

    /** All values in order, for vectors stored as 1×n or n×1. */
    public double[] flat() {
        return data.clone();
    }
}
