package org.srstudio.core.prompt;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.srstudio.core.AtomicFiles;
import org.srstudio.core.StudioException;

/**
 * XPSR's prompt files: under a folder, {@code highlevel_prompt/<name>.txt} and {@code lowlevel_prompt_q/<name>.txt},
 * one per input, {@code <name>} being the input's file name without its extension. Only the first line is read and
 * left-stripped (as XPSR's test.py reads it); a missing file means an empty prompt. Written as one UTF-8 line,
 * atomically, so prompts made by the official scripts and by the studio can be swapped both ways.
 */
public final class XpsrPromptSidecars {
    public static final String HIGH_LEVEL_FOLDER = "highlevel_prompt";
    public static final String LOW_LEVEL_FOLDER = "lowlevel_prompt_q";
    private static final String SUFFIX = ".txt";

    private XpsrPromptSidecars() {
    }

    /**
     * The prompts for {@code input} (its file stem) in {@code dir}; empty when neither file exists. This is what
     * {@code srstudio upscale --prompt-dir DIR} uses.
     */
    public static Optional<PromptPair> promptsFor(Path dir, Path input) throws StudioException {
        return read(dir, stem(input));
    }

    /** The prompts named {@code name} in {@code dir}; empty when neither file exists. */
    public static Optional<PromptPair> read(Path dir, String name) throws StudioException {
        checkName(name);
        Optional<String> high = firstLine(dir.resolve(HIGH_LEVEL_FOLDER).resolve(name + SUFFIX));
        Optional<String> low = firstLine(dir.resolve(LOW_LEVEL_FOLDER).resolve(name + SUFFIX));
        if (high.isEmpty() && low.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PromptPair(high.orElse(""), low.orElse("")));
    }

    /** Every prompt pair in {@code dir}, by name, from the names found in either folder. */
    public static Map<String, PromptPair> readAll(Path dir) throws StudioException {
        Map<String, PromptPair> all = new TreeMap<>();
        for (String folder : new String[] {HIGH_LEVEL_FOLDER, LOW_LEVEL_FOLDER}) {
            Path sub = dir.resolve(folder);
            if (!Files.isDirectory(sub)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(sub, "*" + SUFFIX)) {
                for (Path file : files) {
                    String fileName = file.getFileName().toString();
                    String name = fileName.substring(0, fileName.length() - SUFFIX.length());
                    if (!name.isEmpty() && !all.containsKey(name) && Files.isRegularFile(file)) {
                        read(dir, name).ifPresent(pair -> all.put(name, pair));
                    }
                }
            } catch (IOException e) {
                throw new StudioException("Could not list the prompt folder " + sub + ": " + e.getMessage() + ".", e);
            }
        }
        return all;
    }

    /** Writes both prompt files for {@code input} (its file stem) under {@code dir}. */
    public static void writeFor(Path dir, Path input, PromptPair prompts) throws StudioException {
        write(dir, stem(input), prompts);
    }

    /** Writes both prompt files named {@code name} under {@code dir}, each atomically; an empty prompt writes an empty file. */
    public static void write(Path dir, String name, PromptPair prompts) throws StudioException {
        checkName(name);
        AtomicFiles.writeString(dir.resolve(HIGH_LEVEL_FOLDER).resolve(name + SUFFIX), prompts.highLevel());
        AtomicFiles.writeString(dir.resolve(LOW_LEVEL_FOLDER).resolve(name + SUFFIX), prompts.lowLevel());
    }

    public static void writeAll(Path dir, Map<String, PromptPair> prompts) throws StudioException {
        for (Map.Entry<String, PromptPair> e : prompts.entrySet()) {
            write(dir, e.getKey(), e.getValue());
        }
    }

    /** The input's file name without its last extension ({@code a.b.png} → {@code a.b}), as XPSR names prompt files. */
    public static String stem(Path input) {
        Path fileName = input.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("The input " + input + " has no file name.");
        }
        String name = fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("A prompt file name must be a plain file stem, got '" + name + "'.");
        }
    }

    private static Optional<String> firstLine(Path file) throws StudioException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a BOM from a Windows editor is not part of the prompt
            }
            return Optional.of(line == null ? "" : line.stripLeading());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new StudioException("The prompt file " + file + " is not UTF-8 text.", e);
        } catch (IOException e) {
            throw new StudioException("Could not read the prompt file " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
