package org.srstudio.engine.arch;

/** What a state dict turned out to be: a network SR Studio can build, or one it cannot with the reason. */
public sealed interface Detection {
    record Supported(Architecture architecture) implements Detection {
    }

    /**
     * @param reason the rest of a sentence whose subject is the file, e.g. "looks like an OmniSR network, which
     *               SR Studio cannot run yet"
     */
    record Unsupported(String reason) implements Detection {
        /** The whole sentence about one file. */
        public String sentence(String file) {
            return file + " " + reason + ".";
        }
    }
}
