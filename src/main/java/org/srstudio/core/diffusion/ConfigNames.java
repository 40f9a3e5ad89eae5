package org.srstudio.core.diffusion;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the snake_case names that manifests and diffusers configs use onto enum constants, with one-sentence errors. */
final class ConfigNames {
    private ConfigNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, Function<E, String> nameOf) {
        if (value == null) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (nameOf.apply(e).equals(wanted)) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(nameOf).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Sampler " + field + " '" + value + "' is not one of " + allowed + ".");
    }
}
