package org.srstudio.engine.weights;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixtures written by tools/fixtures/make_statedict_fixtures.py. */
public final class StateDictFixtures {
    /** The fixtures' input is 3×10×12 (CHW). */
    public static final int INPUT_W = 12;
    public static final int INPUT_H = 10;

    private StateDictFixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(StateDictFixtures.class.getResource("/fixtures/statedict/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Missing fixture " + name + "; run tools/fixtures/make_statedict_fixtures.py", e);
        }
    }

    /** A raw little-endian float32 file. */
    public static float[] floats(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path(name))).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    /** A copy of a fixture cut to its first {@code keep} bytes. */
    public static Path truncated(String name, Path dir, long keep) throws IOException {
        byte[] all = Files.readAllBytes(path(name));
        Path out = dir.resolve(name);
        Files.write(out, java.util.Arrays.copyOf(all, (int) keep));
        return out;
    }
}
