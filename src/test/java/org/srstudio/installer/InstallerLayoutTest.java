package org.srstudio.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.srstudio.app.Main;
import org.srstudio.app.StudioPaths;
import org.srstudio.testing.SharedData;

/**
 * The installed app runs from what installer/linux/build.sh lays out and installer/launcher.options tells the
 * JVM: these checks keep the two in line with what DJL and the studio look for, without building a package.
 */
class InstallerLayoutTest {
    private static final Path ROOT = SharedData.repoRoot();

    private static Map<String, String> launcherProperties() throws IOException {
        return Files.readAllLines(ROOT.resolve("installer/launcher.options")).stream()
                .map(String::strip).filter(l -> l.startsWith("-D"))
                .map(l -> l.substring(2).split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
    }

    private static Properties nativeProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = InstallerLayoutTest.class.getResourceAsStream("/native/lib/pytorch.properties")) {
            assertThat(in).as("the CPU native jar is on the class path").isNotNull();
            p.load(in);
        }
        return p;
    }

    @Test
    void launcherPointsDjlAtTheBundledOfflineCpuLibtorch() throws Exception {
        Map<String, String> props = launcherProperties();

        assertThat(props).containsEntry("PYTORCH_LIBRARY_PATH", "$APPDIR/native")
                .containsEntry("PYTORCH_FLAVOR", "cpu")
                .containsEntry("ai.djl.offline", "true")
                .containsEntry("srstudio.home", "$APPDIR");
        assertThat(nativeProperties().getProperty("version")).startsWith(props.get("PYTORCH_VERSION") + "-");
    }

    @Test
    void everyLibraryTheNativeJarListsIsInTheFolderTheScriptUnpacks() throws Exception {
        String script = Files.readString(ROOT.resolve("installer/linux/build.sh"));
        List<String> libraries = List.of(nativeProperties().getProperty("libraries").split(","));

        String dir = "pytorch/cpu/" + nativeProperties().getProperty("classifier");
        assertThat(script).contains("NATIVE_DIR=" + dir).contains("\"$OUT/input/native/\"");
        for (String lib : libraries) {
            assertThat(InstallerLayoutTest.class.getResource("/" + dir + "/" + lib)).as(lib).isNotNull();
        }
        assertThat(InstallerLayoutTest.class.getResource("/jnilib/linux-x86_64/cpu/libdjl_torch.so"))
                .as("DJL's JNI library, which the script copies beside libtorch").isNotNull();
        assertThat(script).contains("jnilib/linux-x86_64/cpu/libdjl_torch.so");
    }

    @Test
    void packageStartsTheOneEntryPointWithItsIconAndFileAssociations() throws Exception {
        String script = Files.readString(ROOT.resolve("installer/linux/build.sh"));

        assertThat(script).contains("--main-class " + Main.class.getName()).contains("--main-jar srstudio.jar");
        assertThat(ROOT.resolve("assets/icon.png")).exists();
        for (String type : List.of("png", "jpeg", "webp")) {
            Path assoc = ROOT.resolve("installer/linux/assoc-" + type + ".properties");
            assertThat(script).contains("assoc-" + type + ".properties");
            assertThat(Files.readString(assoc)).contains("mime-type=image/" + type);
        }
    }

    @Test
    void installedAppFindsItsBundledModelsAndKeepsUserModelsInItsDataFolder() throws Exception {
        Path appDir = Files.createTempDirectory("srstudio-app");
        Path bundled = Files.createDirectories(appDir.resolve("models"));
        bundled.toFile().setWritable(false, false);
        try {
            StudioPaths paths = new StudioPaths(bundled, appDir.resolve("home-data"));
            boolean readOnly = !Files.isWritable(bundled);
            assertThat(paths.modelDirs()).last().isEqualTo(bundled);
            if (readOnly) {
                assertThat(paths.modelDirs()).first().isEqualTo(appDir.resolve("home-data/models"));
            }
        } finally {
            bundled.toFile().setWritable(true, false);
        }
    }

    @Test
    void menuEntryHandsOpenedFilesToTheApp() throws Exception {
        String desktop = Files.readString(ROOT.resolve("installer/linux/resources/srstudio.desktop"));
        String script = Files.readString(ROOT.resolve("installer/linux/build.sh"));

        assertThat(script).contains("cp -r \"$ROOT/installer/linux/resources\" \"$RESOURCES\"")
                .contains("--resource-dir \"$RESOURCES\"").contains("--name srstudio");
        assertThat(desktop).containsPattern("(?m)^Exec=APPLICATION_LAUNCHER %[FU]$").contains("DESKTOP_MIMES");
        assertThat(Main.opensWindow(new String[] {ROOT.resolve("assets/icon.png").toString()})).isTrue();
    }
}
