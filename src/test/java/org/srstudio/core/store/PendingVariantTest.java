package org.srstudio.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srstudio.core.job.ModelParameters;

class PendingVariantTest {
    @TempDir
    Path dir;

    private static Provenance provenance() {
        return new Provenance("/photos/cat.png", "00", 10, 10, "x4", "1", 4, ModelParameters.DEFAULTS, 1L, "cpu",
                0, 0, Instant.parse("2026-11-23T10:00:00Z"), "test", Map.of());
    }

    @Test
    void reservedNamesAreNeverHandedOutTwice() throws Exception {
        ResultStore store = new ResultStore(dir);
        PendingVariant first = store.reserve(provenance());
        PendingVariant second = store.reserve(provenance());

        assertThat(first.image()).isNotEqualTo(second.image());
        assertThat(first.provenanceFile()).isNotEqualTo(second.provenanceFile());
    }

    @Test
    void aCommittedVariantIsListedAndSurvivesShutdown() throws Exception {
        ResultStore store = new ResultStore(dir);
        PendingVariant pending = store.reserve(provenance());
        Files.write(pending.image(), new byte[] {1});
        store.commit(pending, provenance());

        UnfinishedVariants.removeAll();

        assertThat(store.list()).extracting(StoredVariant::image).containsExactly(pending.image());
    }

    @Test
    void stoppingTheJvmMidwayRemovesTheUnfinishedVariant() throws Exception {
        ResultStore store = new ResultStore(dir);
        PendingVariant pending = store.reserve(provenance());
        Files.write(pending.image(), new byte[] {1});

        UnfinishedVariants.removeAll();

        assertThat(pending.image()).doesNotExist();
        assertThat(pending.provenanceFile()).doesNotExist();
    }
}
