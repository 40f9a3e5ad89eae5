package org.srstudio.bench;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** A parent that counts its layout passes: moving a pane's divider should cause none. */
public final class LayoutCountingParent extends StackPane {
    private int layouts;

    public LayoutCountingParent(Node child) {
        super(child);
    }

    public int layouts() {
        return layouts;
    }

    @Override
    protected void layoutChildren() {
        layouts++;
        super.layoutChildren();
    }
}
