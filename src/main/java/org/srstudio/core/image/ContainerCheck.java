package org.srstudio.core.image;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.srstudio.core.StudioException;

/**
 * Walks a PNG's chunks or a JPEG's markers to their end marker. Both decoders in the JDK fill a half-downloaded
 * image with gray (or stop early) and at most warn, so completeness is checked on the container instead.
 */
final class ContainerCheck {
    private static final int IEND = 0x49454E44;

    private ContainerCheck() {
    }

    /** Requires the chunk sequence to reach IEND with every chunk's bytes present. */
    static void requireCompletePng(Path file, String name) throws StudioException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            in.readFully(new byte[8]);
            while (true) {
                long length = in.readInt() & 0xFFFFFFFFL;
                int type = in.readInt();
                skipFully(in, length + 4);
                if (type == IEND) {
                    return;
                }
            }
        } catch (EOFException e) {
            throw ImageDecoder.truncated(name);
        } catch (IOException e) {
            throw new StudioException(name + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Requires an EOI marker after the scan data. Segments before and between scans are skipped by their length,
     * so the EOI of an embedded EXIF thumbnail does not count.
     */
    static void requireCompleteJpeg(Path file, String name) throws StudioException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                throw new StudioException(name + " is corrupt: it does not start like a JPEG file.");
            }
            boolean inScan = false;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw ImageDecoder.truncated(name);
                }
                if (b != 0xFF) {
                    if (!inScan) {
                        throw new StudioException(name + " is corrupt: its JPEG markers are damaged.");
                    }
                    continue;
                }
                int marker = in.read();
                while (marker == 0xFF) {
                    marker = in.read();
                }
                if (marker < 0) {
                    throw ImageDecoder.truncated(name);
                }
                if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                    continue; // stuffed byte, restart marker or TEM: still inside the scan
                }
                if (marker == 0xD9) {
                    return;
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    throw new StudioException(name + " is corrupt: its JPEG markers are damaged.");
                }
                skipFully(in, length - 2);
                inScan = marker == 0xDA;
            }
        } catch (EOFException e) {
            throw ImageDecoder.truncated(name);
        } catch (IOException e) {
            throw new StudioException(name + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static void skipFully(DataInputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
