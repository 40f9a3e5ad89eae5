package org.srstudio.ui.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Zoom and pan shared by every pane of the compare view, in the coordinates of the largest variant ("content").
 * {@code zoom} is screen pixels per content pixel; the centre is the content point shown in the pane's middle.
 * Pure arithmetic on properties, so it is tested without a window.
 */
public final class ViewportModel {
    public static final double MAX_ZOOM = 32.0;
    static final double MIN_ZOOM = 0.01;

    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty centerX = new SimpleDoubleProperty();
    private final DoubleProperty centerY = new SimpleDoubleProperty();
    private final ReadOnlyDoubleWrapper viewWidth = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper viewHeight = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper contentWidth = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper contentHeight = new ReadOnlyDoubleWrapper(1);
    /** While true the view refits on every resize; any zoom or pan by the user turns it off. */
    private final BooleanProperty fitting = new SimpleBooleanProperty(true);

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double zoom() {
        return zoom.get();
    }

    public DoubleProperty centerXProperty() {
        return centerX;
    }

    public DoubleProperty centerYProperty() {
        return centerY;
    }

    public double centerX() {
        return centerX.get();
    }

    public double centerY() {
        return centerY.get();
    }

    public ReadOnlyDoubleProperty viewWidthProperty() {
        return viewWidth.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty viewHeightProperty() {
        return viewHeight.getReadOnlyProperty();
    }

    public double contentWidth() {
        return contentWidth.get();
    }

    public double contentHeight() {
        return contentHeight.get();
    }

    public BooleanProperty fittingProperty() {
        return fitting;
    }

    public void setViewSize(double width, double height) {
        viewWidth.set(Math.max(1, width));
        viewHeight.set(Math.max(1, height));
        if (fitting.get()) {
            applyFit();
        }
    }

    public void setContentSize(double width, double height) {
        boolean changed = width != contentWidth.get() || height != contentHeight.get();
        contentWidth.set(Math.max(1, width));
        contentHeight.set(Math.max(1, height));
        if (changed) {
            fit();
        }
    }

    public double fitZoom() {
        return Math.min(viewWidth.get() / contentWidth.get(), viewHeight.get() / contentHeight.get());
    }

    public void fit() {
        fitting.set(true);
        applyFit();
    }

    /** 100 %: one content pixel per screen pixel, keeping the centre. */
    public void actualSize() {
        fitting.set(false);
        zoom.set(1);
    }

    /** Zooms by a factor keeping the content point under the screen point (sx, sy) where it is. */
    public void zoomAt(double factor, double sx, double sy) {
        double oldZoom = zoom.get();
        double newZoom = clampZoom(oldZoom * factor);
        double ix = toContentX(sx);
        double iy = toContentY(sy);
        fitting.set(false);
        zoom.set(newZoom);
        centerX.set(ix - (sx - viewWidth.get() / 2) / newZoom);
        centerY.set(iy - (sy - viewHeight.get() / 2) / newZoom);
    }

    /** Moves the content with the pointer: a drag of (dx, dy) screen pixels. */
    public void panBy(double dx, double dy) {
        fitting.set(false);
        centerX.set(centerX.get() - dx / zoom.get());
        centerY.set(centerY.get() - dy / zoom.get());
    }

    public double toContentX(double sx) {
        return centerX.get() + (sx - viewWidth.get() / 2) / zoom.get();
    }

    public double toContentY(double sy) {
        return centerY.get() + (sy - viewHeight.get() / 2) / zoom.get();
    }

    public double toScreenX(double cx) {
        return (cx - centerX.get()) * zoom.get() + viewWidth.get() / 2;
    }

    public double toScreenY(double cy) {
        return (cy - centerY.get()) * zoom.get() + viewHeight.get() / 2;
    }

    double clampZoom(double z) {
        double min = Math.min(MIN_ZOOM, fitZoom());
        return Math.max(min, Math.min(MAX_ZOOM, z));
    }

    private void applyFit() {
        zoom.set(fitZoom());
        centerX.set(contentWidth.get() / 2);
        centerY.set(contentHeight.get() / 2);
    }
}
