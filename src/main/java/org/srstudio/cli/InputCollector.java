package org.srstudio.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the inputs a user named: files as they are, folders recursively to the image files inside them.
 * Named files are kept whatever their extension, so a bad file gets its own sentence instead of vanishing.
 */
final class InputCollector {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");

    /** One input to process: the file and, for files found in a folder, the folder it was found under. */
    record Input(Path file, Path root) {
        Path relativeParent() {
            if (root == null) {
                return Path.of("");
            }
            Path parent = root.relativize(file).getParent();
            return parent == null ? Path.of("") : parent;
        }
    }

    private InputCollector() {
    }

    static List<Input> collect(List<Path> named) throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (Path p : named) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(Files::isRegularFile).filter(InputCollector::isImageName).sorted()
                            .forEach(f -> inputs.add(new Input(f, p)));
                }
            } else {
                inputs.add(new Input(p, null));
            }
        }
        return inputs;
    }

    static boolean isImageName(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
