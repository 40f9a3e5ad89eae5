package org.srstudio.ui.common;

import javafx.css.PseudoClass;

/** Style-class names and pseudo-classes the studio's CSS defines, so Java never spells them ad hoc. */
public final class StudioStyles {
    public static final String ROOT = "studio";
    public static final String HEADER = "studio-header";
    public static final String APP_TITLE = "app-title";
    public static final String SIDEBAR = "sidebar";
    public static final String SECTION_TITLE = "section-title";
    public static final String SECTION = "section";
    public static final String STATUS_BAR = "status-bar";
    public static final String DROP_HINT = "drop-hint";
    public static final String DROP_OVERLAY = "drop-overlay";

    public static final String INPUT_CELL = "input-cell";
    public static final String THUMBNAIL = "thumbnail";
    public static final String ERROR_TEXT = "error-text";

    public static final String MODEL_CARD = "model-card";
    public static final String MODEL_NAME = "model-name";
    public static final String FAMILY_BADGE = "family-badge";
    public static final String CHIP = "chip";
    public static final String INSTALL_NOTE = "install-note";

    public static final String PARAM_EDITOR = "param-editor";
    public static final String FIELD_LABEL = "field-label";

    public static final String QUEUE_CELL = "queue-cell";
    public static final String STATE_BADGE = "state-badge";

    public static final String COMPARE_TOOLBAR = "compare-toolbar";
    public static final String COMPARE_SURFACE = "compare-surface";
    public static final String IMAGE_PANE = "image-pane";
    public static final String EMPTY_STATE = "empty-state";

    public static final String SCORES_TABLE = "scores-table";

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass FOCUSED_MODEL = PseudoClass.getPseudoClass("focused-model");
    public static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    public static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    public static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");
    public static final PseudoClass CANCELLED = PseudoClass.getPseudoClass("cancelled");
    public static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    public static final PseudoClass DRAG_ACTIVE = PseudoClass.getPseudoClass("drag-active");

    private StudioStyles() {
    }
}
