package org.srstudio.core.model;

public enum ModelStatus {
    /** Its files are present and a loader reads its format. */
    INSTALLED,
    /** Known, but its files are missing; the entry's note says how to get them. */
    NOT_INSTALLED,
    /** Its files are present but no loader can run it; the note says why. */
    UNSUPPORTED
}
