package org.srstudio.core.upscale;

import java.util.Optional;

/** The classical resamplers by model id. */
public enum ClassicalMethod {
    NEAREST("nearest", "Nearest neighbour", null),
    BILINEAR("bilinear", "Bilinear", ResamplingKernel.BILINEAR),
    BICUBIC("bicubic", "Bicubic", ResamplingKernel.BICUBIC),
    LANCZOS("lanczos", "Lanczos3", ResamplingKernel.LANCZOS3);

    private final String id;
    private final String displayName;
    private final ResamplingKernel kernel;

    ClassicalMethod(String id, String displayName, ResamplingKernel kernel) {
        this.id = id;
        this.displayName = displayName;
        this.kernel = kernel;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The filter, or empty for nearest neighbour, which replicates pixels. */
    public Optional<ResamplingKernel> kernel() {
        return Optional.ofNullable(kernel);
    }

    public static Optional<ClassicalMethod> byId(String id) {
        for (ClassicalMethod m : values()) {
            if (m.id.equals(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
