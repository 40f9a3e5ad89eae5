package org.srstudio.ui.compare;

/** Which way the slider splits the view: a vertical divider (left | right) or a horizontal one (top / bottom). */
public enum SplitOrientation {
    VERTICAL, HORIZONTAL
}
