package org.srstudio.ui.inputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns what the user dropped or opened into the list of files to show: folders are walked recursively and
 * contribute their image files in name order; files named directly are kept whatever their extension, so that
 * an unreadable one shows up with its reason instead of vanishing.
 */
public final class InputCollector {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");

    private InputCollector() {
    }

    public static List<Path> collect(Collection<Path> dropped) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : dropped) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                out.addAll(imagesUnder(abs));
            } else {
                out.add(abs);
            }
        }
        return new ArrayList<>(out);
    }

    public static boolean looksLikeImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static List<Path> imagesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(InputCollector::looksLikeImage)
                    .filter(f -> !isHidden(folder, f)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
