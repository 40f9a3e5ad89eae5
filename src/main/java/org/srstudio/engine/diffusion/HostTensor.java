package org.srstudio.engine.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * A network input that is rewritten every sampler step: one direct buffer and one tensor made once per run. Making a
 * fresh NDArray per call costs tens of microseconds (a direct-buffer allocation, a native from_blob, manager
 * bookkeeping), which at 20 steps of tiled, guided calls was the largest part of the loop's own overhead. On the CPU,
 * DJL's tensor aliases the direct buffer, so a write is a plain memory copy; where it holds its own copy (a GPU) each
 * write is pushed with {@link NDArray#set}.
 */
final class HostTensor {
    private final ByteBuffer buffer;
    private final NDArray array;
    private final boolean aliased;

    private HostTensor(NDManager manager, Shape shape, DataType type) {
        this.buffer = ByteBuffer.allocateDirect(Math.toIntExact(shape.size() * type.getNumOfBytes())).order(ByteOrder.nativeOrder());
        this.array = manager.create(buffer, shape, type);
        this.aliased = sharesMemory();
    }

    /** Whether the tensor sees writes to the buffer: probed once rather than assumed from the device or DJL version. */
    private boolean sharesMemory() {
        buffer.put(0, (byte) 1);
        boolean shared = array.toByteBuffer().get(0) == 1;
        buffer.put(0, (byte) 0);
        return shared;
    }

    static HostTensor floats(NDManager manager, Shape shape) {
        return new HostTensor(manager, shape, DataType.FLOAT32);
    }

    static HostTensor longs(NDManager manager, Shape shape) {
        return new HostTensor(manager, shape, DataType.INT64);
    }

    /** Fills the tensor with {@code copies} back-to-back copies of {@code values} (a batch of identical rows). */
    NDArray write(float[] values, int copies) {
        FloatBuffer f = buffer.asFloatBuffer();
        for (int k = 0; k < copies; k++) {
            f.put(values);
        }
        return publish();
    }

    /** Sets every element to {@code value}. */
    NDArray fill(float value) {
        FloatBuffer f = buffer.asFloatBuffer();
        while (f.hasRemaining()) {
            f.put(value);
        }
        return publish();
    }

    /** Sets every element to {@code value}. */
    NDArray fill(long value) {
        LongBuffer l = buffer.asLongBuffer();
        while (l.hasRemaining()) {
            l.put(value);
        }
        return publish();
    }

    private NDArray publish() {
        if (!aliased) {
            array.set(buffer.rewind());
        }
        return array;
    }
}
