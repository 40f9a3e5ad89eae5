package org.srstudio.ui.compare;

import java.nio.file.Path;
import org.srstudio.ui.common.ImageFacts;
import org.srstudio.ui.common.UiImageLoader;

/** A loader for compare view-model tests, which never look at pixels. */
final class CompareViewModelTestLoader {
    static final UiImageLoader NONE = new UiImageLoader() {
        @Override
        public ImageFacts probe(Path file) {
            return new ImageFacts(10, 10, "png", 1);
        }

        @Override
        public javafx.scene.image.Image load(Path file, int maxSide) {
            return null;
        }
    };

    private CompareViewModelTestLoader() {
    }
}
