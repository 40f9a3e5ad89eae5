package org.srstudio.ui.session;

import java.util.List;
import java.util.Map;
import org.srstudio.core.prompt.PromptHistory;
import org.srstudio.ui.prompt.ParameterValues;

/**
 * Everything the studio restores on the next start: the inputs and which one was open, the picked models and
 * their parameters, every result with its provenance, the scores, how the compare view was set, and each input's
 * prompt history (by input path).
 */
public record SessionState(int version, List<String> inputs, String selectedInput, List<String> selectedModels,
                           String focusedModel, Map<String, ParameterValues> parameters,
                           List<SavedVariant> variants, Map<String, Map<String, Double>> scores,
                           String compareMode, Map<String, PromptHistory> prompts) {
    public static final int VERSION = 1;

    public SessionState {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        selectedModels = selectedModels == null ? List.of() : List.copyOf(selectedModels);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        variants = variants == null ? List.of() : List.copyOf(variants);
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        prompts = prompts == null ? Map.of() : Map.copyOf(prompts);
    }

    /** A session without prompt histories. */
    public SessionState(int version, List<String> inputs, String selectedInput, List<String> selectedModels,
                        String focusedModel, Map<String, ParameterValues> parameters, List<SavedVariant> variants,
                        Map<String, Map<String, Double>> scores, String compareMode) {
        this(version, inputs, selectedInput, selectedModels, focusedModel, parameters, variants, scores, compareMode,
                Map.of());
    }

    public static SessionState empty() {
        return new SessionState(VERSION, List.of(), null, List.of(), null, Map.of(), List.of(), Map.of(), null, Map.of());
    }
}
