package org.srstudio.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.srstudio.core.Json;
import org.srstudio.core.StudioException;
import org.srstudio.engine.EngineDevice;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.model.ModelEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code srstudio models}: every registered model with its status, as a table or JSON. */
@Command(name = "models", description = "List the models the studio knows, installed or not.", mixinStandardHelpOptions = true)
final class ModelsCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServicesFactory servicesFactory;

    ModelsCommand(ServicesFactory servicesFactory) {
        this.servicesFactory = servicesFactory;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (StudioServices services = servicesFactory.create(ImageDecoder.DEFAULT_MAX_PIXELS)) {
            List<ModelEntry> entries = services.registry().list();
            String device = engineDevice();
            if (format == Format.json) {
                out.println(Json.mapper().writeValueAsString(toJson(entries, device, services)));
            } else {
                out.println("Device: " + device);
                out.println("Models folder: " + services.registry().modelsDir());
                out.printf("%-30s %-22s %-8s %-14s %s%n", "ID", "FAMILY", "SCALES", "STATUS", "NOTE");
                for (ModelEntry e : entries) {
                    out.printf("%-30s %-22s %-8s %-14s %s%n", e.id(), e.manifest().family().displayName(),
                            scalesText(e.manifest().scales()),
                            e.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), e.note());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The neural engine's device and threads, with the sentence saying why a configured GPU is not used. */
    private static String engineDevice() {
        try {
            EngineDevice device = EngineDevice.detect();
            return device.describe() + device.warning().map(w -> " - " + w).orElse("");
        } catch (StudioException e) {
            return "cpu for classical models only: " + e.getMessage();
        }
    }

    /** "4", "2,4" or "2-8" for a run of consecutive scales. */
    static String scalesText(List<Integer> scales) {
        List<Integer> sorted = scales.stream().sorted().toList();
        int first = sorted.get(0);
        int last = sorted.get(sorted.size() - 1);
        if (sorted.size() > 2 && last - first == sorted.size() - 1) {
            return first + "-" + last;
        }
        return sorted.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static ObjectNode toJson(List<ModelEntry> entries, String device, StudioServices services) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("device", device);
        root.put("modelsDir", services.registry().modelsDir().toString());
        ArrayNode models = root.putArray("models");
        for (ModelEntry e : entries) {
            ObjectNode node = Json.mapper().valueToTree(e.manifest());
            node.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
            node.put("note", e.note());
            e.folder().ifPresent(f -> node.put("folder", f.toString()));
            models.add(node);
        }
        return root;
    }
}
