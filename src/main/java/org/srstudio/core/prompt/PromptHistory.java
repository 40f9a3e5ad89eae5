package org.srstudio.core.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.srstudio.core.AtomicFiles;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;

/**
 * The prompts one input has had, oldest first. Immutable: {@link #with} returns a new history. Saved as JSON so that
 * the prompt editor can offer earlier prompts again after a restart.
 *
 * @param input the input's file stem, the same name the XPSR sidecars use
 */
public record PromptHistory(String input, List<Entry> entries) {
    /** Older entries are dropped beyond this, so a history file stays small however often a user reruns. */
    public static final int MAX_ENTRIES = 200;

    /** One prompt pair and when and how it was made. */
    public record Entry(Instant createdAt, PromptPair prompts, PromptOrigin origin) {
        public Entry {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(prompts, "prompts");
            Objects.requireNonNull(origin, "origin");
        }
    }

    public PromptHistory {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("A prompt history needs the input's name.");
        }
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static PromptHistory empty(String input) {
        return new PromptHistory(input, List.of());
    }

    /**
     * This history plus one entry; the same prompts from the same origin as the latest entry are not repeated, so
     * rerunning unchanged prompts does not fill the list.
     */
    public PromptHistory with(PromptPair prompts, PromptOrigin origin, Instant at) {
        Entry entry = new Entry(at, prompts, origin);
        Optional<Entry> last = latest();
        if (last.isPresent() && last.get().prompts().equals(prompts) && last.get().origin() == origin) {
            return this;
        }
        List<Entry> next = new ArrayList<>(entries);
        next.add(entry);
        if (next.size() > MAX_ENTRIES) {
            next = next.subList(next.size() - MAX_ENTRIES, next.size());
        }
        return new PromptHistory(input, next);
    }

    public Optional<Entry> latest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /** Writes the history as JSON, atomically. */
    public void save(Path file) throws StudioException {
        String json;
        try {
            json = Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new StudioException("The prompt history of " + input + " could not be written as JSON.", e);
        }
        AtomicFiles.writeString(file, json);
    }

    /** Reads a history saved by {@link #save}; a missing file gives an empty history for {@code input}. */
    public static PromptHistory load(Path file, String input) throws StudioException {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            return empty(input);
        } catch (IOException e) {
            throw new StudioException("The prompt history " + file + " could not be read: " + e.getMessage() + ".", e);
        }
        try {
            return Json.mapper().readValue(json, PromptHistory.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new StudioException("The prompt history " + file + " is not valid JSON.", e);
        }
    }
}
