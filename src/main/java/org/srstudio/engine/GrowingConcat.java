package org.srstudio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * One buffer for a chain of concatenations along channels: each member writes only its new input and is a view
 * of the leading channels. With a batch of one, a leading-channel slice of NCHW memory is itself contiguous, so
 * the convolutions that read it need no copy.
 */
final class GrowingConcat implements AutoCloseable {
    private final NDArray buffer;
    private final int capacity;
    private int filled;

    GrowingConcat(List<NDArray> inputs, int capacity) {
        Shape first = inputs.get(0).getShape();
        this.capacity = capacity;
        this.buffer = inputs.get(0).getManager().create(new Shape(first.get(0), capacity, first.get(2), first.get(3)));
        for (NDArray input : inputs) {
            write(input);
        }
    }

    /** Adds the next input; returns the view of everything written so far. */
    NDArray append(NDArray input) {
        write(input);
        return view();
    }

    NDArray view() {
        return filled == capacity ? buffer : buffer.get(new NDIndex(":, :{}", filled));
    }

    boolean isComplete() {
        return filled == capacity;
    }

    private void write(NDArray input) {
        int channels = (int) input.getShape().get(1);
        if (filled + channels > capacity) {
            throw new IllegalStateException("Concatenation outgrew its buffer of " + capacity + " channels");
        }
        buffer.set(new NDIndex(":, {}:{}", filled, filled + channels), input);
        filled += channels;
    }

    @Override
    public void close() {
        buffer.close();
    }
}
