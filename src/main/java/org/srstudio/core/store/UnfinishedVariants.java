package org.srstudio.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Variants reserved but not yet committed, removed when the JVM is stopped (Ctrl+C, SIGTERM, closing the
 * studio) in the middle of writing one: a streamed result can take hours, and stopping it must not leave a
 * placeholder that looks like a result.
 */
final class UnfinishedVariants {
    private static final Set<PendingVariant> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(UnfinishedVariants::removeAll, "srstudio-unfinished-results"));
    }

    private UnfinishedVariants() {
    }

    static void add(PendingVariant pending) {
        PENDING.add(pending);
    }

    static void remove(PendingVariant pending) {
        PENDING.remove(pending);
    }

    static boolean contains(PendingVariant pending) {
        return PENDING.contains(pending);
    }

    static void removeAll() {
        for (PendingVariant pending : PENDING) {
            try {
                Files.deleteIfExists(pending.image());
                Files.deleteIfExists(pending.provenanceFile());
            } catch (IOException ignored) {
                // shutting down: nothing better to do than leave it
            }
        }
        PENDING.clear();
    }
}
