package org.srstudio.core.prompt;

/** Where a prompt pair in an input's history came from. */
public enum PromptOrigin {
    /** Written by a vision-language model server. */
    MLLM,
    /** The low-level prompt written from the studio's own measurements. */
    MEASUREMENTS,
    /** Typed or corrected by the user. */
    EDITED,
    /** Read from XPSR sidecar files. */
    IMPORTED
}
