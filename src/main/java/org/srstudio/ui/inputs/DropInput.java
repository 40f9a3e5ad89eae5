package org.srstudio.ui.inputs;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a drag-and-drop or a paste carried, stripped of JavaFX's Dragboard so that the drop logic can be driven
 * from tests: files, and a URL or text that may name a local file.
 */
public record DropInput(List<Path> files, Optional<String> url) {
    public DropInput {
        files = List.copyOf(files);
        url = url == null ? Optional.empty() : url;
    }

    public static DropInput ofFiles(List<Path> files) {
        return new DropInput(files, Optional.empty());
    }

    /** Files plus the URL when it is a {@code file:} URL; remote URLs are not fetched. */
    public List<Path> localPaths() {
        List<Path> all = new ArrayList<>(files);
        url.map(String::strip).filter(u -> u.startsWith("file:")).ifPresent(u -> {
            try {
                all.add(Path.of(URI.create(u)));
            } catch (IllegalArgumentException e) {
                // Not a well-formed file URL; there is nothing to open.
            }
        });
        return all;
    }

    public boolean isEmpty() {
        return localPaths().isEmpty();
    }
}
