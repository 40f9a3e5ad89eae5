package org.srstudio.engine.arch;

import java.util.Map;
import org.srstudio.core.StudioException;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.Tensor;

/** A network architecture recognised from a state dict, with the hyper-parameters read from its shapes. */
public sealed interface Architecture permits RrdbNet, SrVggNetCompact {
    /** The architecture's usual name, e.g. "RRDBNet (ESRGAN)". */
    String displayName();

    int scale();

    /** The hyper-parameters in a few words, e.g. "64 features, 23 blocks, ×4". */
    String summary();

    /** Builds the runnable graph from the same state dict the architecture was detected from. */
    Graph build(String name, Map<String, Tensor> weights) throws StudioException;
}
