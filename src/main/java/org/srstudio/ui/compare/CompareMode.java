package org.srstudio.ui.compare;

public enum CompareMode {
    SLIDER("Slider"), GRID("Grid"), TOGGLE("Toggle"), DIFFERENCE("Diff");

    private final String label;

    CompareMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
