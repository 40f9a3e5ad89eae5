package org.srstudio.iqa.params;

import java.util.Objects;
import java.util.Optional;

/** A parameter set that was found and loaded, or the one sentence that says why not and how to provide it. */
public record Availability<T>(Optional<T> value, String reason) {
    public Availability {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        if (value.isEmpty() && reason.isBlank()) {
            throw new IllegalArgumentException("An unavailable parameter set needs a reason");
        }
    }

    public static <T> Availability<T> of(T value) {
        return new Availability<>(Optional.of(value), "");
    }

    public static <T> Availability<T> missing(String reason) {
        return new Availability<>(Optional.empty(), reason);
    }

    public boolean available() {
        return value.isPresent();
    }
}
