package org.srstudio.iqa;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.srstudio.core.image.FloatImage;

/** SHA-256 of an image's size and samples: the cache key part that says "same pixels". */
final class ContentHash {
    private ContentHash() {
    }

    static String of(FloatImage img) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        ByteBuffer head = ByteBuffer.allocate(12).putInt(img.width()).putInt(img.height()).putInt(img.channels());
        md.update(head.array());
        float[] d = img.data();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < d.length; ) {
            chunk.clear();
            int n = Math.min(d.length - i, chunk.capacity() / 4);
            chunk.asFloatBuffer().put(d, i, n);
            md.update(chunk.array(), 0, n * 4);
            i += n;
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
