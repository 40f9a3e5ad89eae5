package org.srstudio.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.srstudio.core.StudioException;
import org.srstudio.core.model.ManifestReader;
import org.srstudio.core.model.ModelManifest;

/**
 * Cards for models the studio knows but does not ship: they are listed as "not installed" with their how-to
 * until their folder appears under models/. The cards are resources listed in {@code catalogue/index.txt}.
 */
final class ModelCatalogue {
    private static final String ROOT = "/org/srstudio/catalogue/";

    private ModelCatalogue() {
    }

    static List<ModelManifest> cards() {
        List<ModelManifest> cards = new ArrayList<>();
        for (String name : index()) {
            try (InputStream in = ModelCatalogue.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("Catalogue card " + name + " is listed but missing");
                }
                cards.add(ManifestReader.parse(in, name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (StudioException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return cards;
    }

    private static List<String> index() {
        try (InputStream in = ModelCatalogue.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
