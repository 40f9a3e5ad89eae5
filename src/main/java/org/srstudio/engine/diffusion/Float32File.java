package org.srstudio.engine.diffusion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.srstudio.core.StudioException;

/** The raw little-endian float32 files of exported folders (constants/*.f32). */
final class Float32File {
    private Float32File() {
    }

    /** The file's values; it must hold exactly {@code count} of them ({@code what} names the shape in the message). */
    static float[] read(Path file, long count, String what) throws StudioException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != count * 4) {
                throw new StudioException("The constant " + file + " holds " + bytes.length / 4 + " floats but " + what + " needs " + count + ".");
            }
            float[] v = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        } catch (IOException e) {
            throw new StudioException("Cannot read the constant " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /** The file's values, however many (their count is checked where they are used). */
    static float[] read(Path file) throws StudioException {
        try {
            return read(file, Files.size(file) / 4, "its size");
        } catch (IOException e) {
            throw new StudioException("Cannot read the constant " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
