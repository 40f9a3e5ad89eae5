package org.srstudio.ui.compare;

public enum CompareMode {
    SLIDER("Slider"), GRID("Side by side"), TOGGLE("Toggle"), DIFFERENCE("Difference");

    private final String label;

    CompareMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
