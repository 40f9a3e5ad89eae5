package org.srstudio.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Reads the raw bytes of one storage of a weight file, in the file's byte order. */
@FunctionalInterface
interface StorageSource {
    ByteBuffer read(String key) throws IOException;
}
