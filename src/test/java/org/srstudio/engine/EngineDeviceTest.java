package org.srstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineDeviceTest {
    @TempDir
    Path empty;

    @Test
    void cpuDescribesItsThreads() throws Exception {
        assertThat(EngineDevice.cpu(2).describe()).isEqualTo("cpu (2 threads)");
        assertThat(EngineDevice.cpu(1).describe()).isEqualTo("cpu (1 thread)");
        assertThat(EngineDevice.cpu(2).warning()).isEmpty();
    }

    @Test
    void libraryPathWithoutLibtorchFallsBackToCpuWithOneSentence() throws Exception {
        assumeTrue(System.getenv(EngineDevice.LIBRARY_PATH) == null, "PYTORCH_LIBRARY_PATH is set in the environment");
        System.setProperty(EngineDevice.LIBRARY_PATH, empty.toString());
        try {
            EngineDevice device = EngineDevice.probe(2);
            assertThat(device.isGpu()).isFalse();
            assertThat(device.describe()).isEqualTo("cpu (2 threads)");
            assertThat(device.warning()).contains(EngineDevice.LIBRARY_PATH + " points to " + empty
                    + ", which holds no libtorch library, so SR Studio runs on the CPU.");
            assertThat(System.getProperty(EngineDevice.LIBRARY_PATH)).isNull();
        } finally {
            System.clearProperty(EngineDevice.LIBRARY_PATH);
        }
    }
}
