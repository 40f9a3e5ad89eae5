package org.srstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.srstudio.ui.common.StudioStyles;

/**
 * Draws one or two variants through the shared viewport on canvases. Only the visible part of each image is
 * drawn (a source rectangle per image), which is what keeps an 8K × 8K pair as cheap as a small one. Magnified
 * pixels are drawn nearest-neighbour; a zoomed-out image is drawn 1:1 from its {@link DisplayLevels level} of the
 * on-screen size, so every frame is a plain copy rather than a filtered shrink. In split mode A is left of (or
 * above) the divider and B right of (or below) it.
 * <p>
 * The pane is cut into strips across the divider, one canvas each. Moving the divider or the loupe redraws only
 * the strips it crossed, so the toolkit repaints, composes and presents that band rather than the whole pane: on
 * a software renderer a full pane is several copies of every pixel per frame. Every strip draws the same scene
 * and its canvas clips it, so strips join without seams whatever the zoom or smoothing. Drawing happens at most
 * once per pulse, in {@link #layoutChildren()}, and a redraw marks only this pane for layout: moving the divider
 * lays out nothing else in the scene. Colours come from CSS.
 */
public final class ImagePane extends Region {
    /** Screen pixels within which a press grabs the divider instead of panning. */
    static final double DIVIDER_GRAB = 10;
    static final double LOUPE_RADIUS = 84;
    static final double LOUPE_MAGNIFICATION = 4;
    /** Strip thickness across the divider: a drag step of a few pixels redraws one or two strips. */
    static final double STRIP = 128;
    /** Half the width of what the divider paints around its line: the 14 px handle, and a pixel to spare. */
    private static final double DIVIDER_REACH = 8;

    private static final StyleablePropertyFactory<ImagePane> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> dividerColor =
            CSS.createStyleableColorProperty(this, "dividerColor", "-studio-divider-color", p -> p.dividerColor);
    private final StyleableProperty<Color> labelBackground =
            CSS.createStyleableColorProperty(this, "labelBackground", "-studio-label-background", p -> p.labelBackground);
    private final StyleableProperty<Color> labelTextFill =
            CSS.createStyleableColorProperty(this, "labelTextFill", "-studio-label-text-fill", p -> p.labelTextFill);
    private final StyleableProperty<Color> loupeBorder =
            CSS.createStyleableColorProperty(this, "loupeBorder", "-studio-loupe-border", p -> p.loupeBorder);
    private final StyleableProperty<Color> heatLow =
            CSS.createStyleableColorProperty(this, "heatLow", "-studio-heat-low", p -> p.heatLow);
    private final StyleableProperty<Color> heatMid =
            CSS.createStyleableColorProperty(this, "heatMid", "-studio-heat-mid", p -> p.heatMid);
    private final StyleableProperty<Color> heatHigh =
            CSS.createStyleableColorProperty(this, "heatHigh", "-studio-heat-high", p -> p.heatHigh);

    private final List<Canvas> strips = new ArrayList<>();
    private final StripDamage damage = new StripDamage();
    private final ViewportModel viewport;
    private final DisplayLevels levels;
    private final ObjectProperty<Image> imageA = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> imageB = new SimpleObjectProperty<>();
    private final BooleanProperty smoothA = new SimpleBooleanProperty();
    private final BooleanProperty smoothB = new SimpleBooleanProperty();
    private final StringProperty labelA = new SimpleStringProperty();
    private final StringProperty labelB = new SimpleStringProperty();
    private final BooleanProperty split = new SimpleBooleanProperty();
    private final DoubleProperty divider = new SimpleDoubleProperty(0.5);
    private final ObjectProperty<SplitOrientation> orientation = new SimpleObjectProperty<>(SplitOrientation.VERTICAL);
    private final BooleanProperty loupe = new SimpleBooleanProperty();
    private final BooleanProperty ownsViewport = new SimpleBooleanProperty(true);
    private final Text measure = new Text();
    private double stripsWidth = -1;
    private double stripsHeight = -1;
    private boolean stripsAcrossX;
    private double labelAWidth;
    private double labelBWidth;
    private double mouseX = -1;
    private double mouseY = -1;
    private boolean mouseInside;
    private boolean draggingDivider;
    private double lastDragX;
    private double lastDragY;
    private long drawCount;
    private long lastDrawNanos;
    private int lastStripsDrawn;

    public ImagePane(ViewportModel viewport, DisplayLevels levels) {
        this.viewport = viewport;
        this.levels = levels;
        getStyleClass().add(StudioStyles.IMAGE_PANE);
        setMinSize(0, 0);
        Observable[] redrawOn = {imageA, imageB, smoothA, smoothB, labelA, labelB, split, orientation, loupe,
                viewport.zoomProperty(), viewport.centerXProperty(), viewport.centerYProperty(),
                viewport.viewWidthProperty(), viewport.viewHeightProperty(),
                (Observable) dividerColor, (Observable) labelBackground, (Observable) labelTextFill,
                (Observable) loupeBorder, levels.madeProperty()};
        for (Observable o : redrawOn) {
            o.addListener(obs -> requestRedraw());
        }
        divider.addListener((obs, was, now) -> dividerMoved(was.doubleValue(), now.doubleValue()));
        installGestures();
    }

    // Properties

    public ObjectProperty<Image> imageAProperty() {
        return imageA;
    }

    public ObjectProperty<Image> imageBProperty() {
        return imageB;
    }

    /** Smooth (bilinear) magnification for A, for the "input · smooth" baseline; otherwise nearest-neighbour. */
    public BooleanProperty smoothAProperty() {
        return smoothA;
    }

    public BooleanProperty smoothBProperty() {
        return smoothB;
    }

    public StringProperty labelAProperty() {
        return labelA;
    }

    public StringProperty labelBProperty() {
        return labelB;
    }

    public BooleanProperty splitProperty() {
        return split;
    }

    public DoubleProperty dividerProperty() {
        return divider;
    }

    public ObjectProperty<SplitOrientation> orientationProperty() {
        return orientation;
    }

    public BooleanProperty loupeProperty() {
        return loupe;
    }

    /** The pane whose size is the viewport's view size; in a grid only the first pane owns it. */
    public BooleanProperty ownsViewportProperty() {
        return ownsViewport;
    }

    /** How many times the pane was redrawn, how long the last redraw took and how many strips it drew. */
    public long drawCount() {
        return drawCount;
    }

    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    public int lastStripsDrawn() {
        return lastStripsDrawn;
    }

    /** 256 ARGB colours from the theme's heat-map stops, for the difference map. */
    public int[] heatPalette() {
        Color low = heatLow.getValue();
        Color mid = heatMid.getValue();
        Color high = heatHigh.getValue();
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            Color c = t < 0.5 ? low.interpolate(mid, t * 2) : mid.interpolate(high, (t - 0.5) * 2);
            lut[i] = 0xFF000000 | ((int) Math.round(c.getRed() * 255) << 16)
                    | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
        }
        return lut;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    // Drawing

    public void requestRedraw() {
        damage.all();
        // Not requestLayout(): that would lay out every ancestor up to the root on each frame of a drag.
        setNeedsLayout(true);
    }

    private void dividerMoved(double was, double now) {
        if (stripsAcrossX) {
            damage.span(screenX(was * viewport.contentWidth()), screenX(now * viewport.contentWidth()), DIVIDER_REACH);
        } else {
            damage.span(screenY(was * viewport.contentHeight()), screenY(now * viewport.contentHeight()), DIVIDER_REACH);
        }
        setNeedsLayout(true);
    }

    /** Marks the loupe's disc around (x, y) for redrawing. */
    private void loupeMoved(double x, double y) {
        double at = stripsAcrossX ? x : y;
        damage.span(at, at, LOUPE_RADIUS + 2);
        setNeedsLayout(true);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boolean acrossX = orientation.get() == SplitOrientation.VERTICAL;
        if (w != stripsWidth || h != stripsHeight || acrossX != stripsAcrossX) {
            layOutStrips(w, h, acrossX);
            if (ownsViewport.get()) {
                viewport.setViewSize(w, h);
            }
            damage.all();
        }
        if (!damage.isEmpty()) {
            long t0 = System.nanoTime();
            draw();
            damage.clear();
            lastDrawNanos = System.nanoTime() - t0;
            drawCount++;
        }
    }

    private void layOutStrips(double w, double h, boolean acrossX) {
        stripsWidth = w;
        stripsHeight = h;
        stripsAcrossX = acrossX;
        double length = acrossX ? w : h;
        int count = Math.max(1, (int) Math.ceil(length / STRIP));
        while (strips.size() > count) {
            strips.remove(strips.size() - 1);
        }
        while (strips.size() < count) {
            strips.add(new Canvas());
        }
        for (int i = 0; i < count; i++) {
            Canvas strip = strips.get(i);
            double start = i * STRIP;
            double size = Math.max(0, Math.min(STRIP, length - start));
            strip.setLayoutX(acrossX ? start : 0);
            strip.setLayoutY(acrossX ? 0 : start);
            strip.setWidth(acrossX ? size : w);
            strip.setHeight(acrossX ? h : size);
        }
        getChildren().setAll(strips);
    }

    private void draw() {
        labelAWidth = textWidth(labelA.get());
        labelBWidth = textWidth(labelB.get());
        int drawn = 0;
        for (Canvas strip : strips) {
            double start = stripsAcrossX ? strip.getLayoutX() : strip.getLayoutY();
            double end = start + (stripsAcrossX ? strip.getWidth() : strip.getHeight());
            if (damage.touches(start, end)) {
                GraphicsContext g = strip.getGraphicsContext2D();
                g.clearRect(0, 0, strip.getWidth(), strip.getHeight());
                g.save();
                g.translate(-strip.getLayoutX(), -strip.getLayoutY());
                drawScene(g);
                g.restore();
                drawn++;
            }
        }
        lastStripsDrawn = drawn;
    }

    /** Draws the whole pane in pane coordinates; the strip's canvas keeps what falls on it. */
    private void drawScene(GraphicsContext g) {
        double w = getWidth();
        double h = getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        double cw = viewport.contentWidth();
        double ch = viewport.contentHeight();
        // Visible content rectangle, clipped to the content.
        double x0 = Math.max(0, contentX(0));
        double y0 = Math.max(0, contentY(0));
        double x1 = Math.min(cw, contentX(w));
        double y1 = Math.min(ch, contentY(h));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        if (split.get() && imageB.get() != null) {
            boolean vertical = orientation.get() == SplitOrientation.VERTICAL;
            double cut = divider.get() * (vertical ? cw : ch);
            if (vertical) {
                drawRegion(g, imageA.get(), smoothA.get(), x0, y0, Math.min(x1, cut), y1);
                drawRegion(g, imageB.get(), smoothB.get(), Math.max(x0, cut), y0, x1, y1);
            } else {
                drawRegion(g, imageA.get(), smoothA.get(), x0, y0, x1, Math.min(y1, cut));
                drawRegion(g, imageB.get(), smoothB.get(), x0, Math.max(y0, cut), x1, y1);
            }
            drawDivider(g, vertical, vertical ? screenX(cut) : screenY(cut), w, h);
            drawLabel(g, labelA.get(), labelAWidth, 12, 12, false);
            if (vertical) {
                drawLabel(g, labelB.get(), labelBWidth, w - 12, 12, true);
            } else {
                drawLabel(g, labelB.get(), labelBWidth, 12, h - 12 - labelHeight(), false);
            }
        } else {
            drawRegion(g, imageA.get(), smoothA.get(), x0, y0, x1, y1);
            drawLabel(g, labelA.get(), labelAWidth, 12, 12, false);
        }
        if (loupe.get() && mouseInside) {
            drawLoupe(g);
        }
    }

    /** Draws the content rectangle [cx0, cx1] × [cy0, cy1] of an image stretched to the content size. */
    private void drawRegion(GraphicsContext g, Image image, boolean smooth, double cx0, double cy0, double cx1, double cy1) {
        if (image == null || cx1 <= cx0 || cy1 <= cy0) {
            return;
        }
        double zoom = viewport.zoom();
        long shownWidth = Math.max(1, Math.round(viewport.contentWidth() * zoom));
        long shownHeight = Math.max(1, Math.round(viewport.contentHeight() * zoom));
        if (shownWidth < image.getWidth() || shownHeight < image.getHeight()) {
            Image level = levels.levelFor(image, (int) Math.min(shownWidth, image.getWidth()),
                    (int) Math.min(shownHeight, image.getHeight()));
            if (level != null) {
                drawLevel(g, level, shownWidth, shownHeight, cx0, cy0, cx1, cy1);
                return;
            }
        }
        double sx = image.getWidth() / viewport.contentWidth();
        double sy = image.getHeight() / viewport.contentHeight();
        double magnification = zoom / sx;
        g.setImageSmoothing(smooth || magnification < 1);
        g.drawImage(image, cx0 * sx, cy0 * sy, (cx1 - cx0) * sx, (cy1 - cy0) * sy,
                screenX(cx0), screenY(cy0), (cx1 - cx0) * zoom, (cy1 - cy0) * zoom);
    }

    /**
     * Draws part of a level that shows the whole image at {@code shownWidth × shownHeight}. The image's origin is
     * snapped to a whole screen pixel, so an exact level is copied pixel for pixel; a stand-in level of another size
     * is scaled, smoothly, until the exact one arrives.
     */
    private void drawLevel(GraphicsContext g, Image level, long shownWidth, long shownHeight,
                           double cx0, double cy0, double cx1, double cy1) {
        double ox = Math.round(screenX(0));
        double oy = Math.round(screenY(0));
        double x0 = Math.max(ox, Math.round(screenX(cx0)));
        double y0 = Math.max(oy, Math.round(screenY(cy0)));
        double x1 = Math.min(ox + shownWidth, Math.round(screenX(cx1)));
        double y1 = Math.min(oy + shownHeight, Math.round(screenY(cy1)));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        double kx = level.getWidth() / shownWidth;
        double ky = level.getHeight() / shownHeight;
        g.setImageSmoothing(kx != 1 || ky != 1);
        g.drawImage(level, (x0 - ox) * kx, (y0 - oy) * ky, (x1 - x0) * kx, (y1 - y0) * ky, x0, y0, x1 - x0, y1 - y0);
    }

    private void drawDivider(GraphicsContext g, boolean vertical, double at, double w, double h) {
        g.setStroke(dividerColor.getValue());
        g.setFill(dividerColor.getValue());
        g.setLineWidth(2);
        if (vertical) {
            g.strokeLine(at, 0, at, h);
            g.fillOval(at - 7, h / 2 - 7, 14, 14);
        } else {
            g.strokeLine(0, at, w, at);
            g.fillOval(w / 2 - 7, at - 7, 14, 14);
        }
    }

    private double labelHeight() {
        return Font.getDefault().getSize() + 10;
    }

    private double textWidth(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        measure.setFont(Font.getDefault());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private void drawLabel(GraphicsContext g, String text, double textWidth, double x, double y, boolean alignRight) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Font font = Font.getDefault();
        double bw = textWidth + 16;
        double bh = labelHeight();
        double left = alignRight ? x - bw : x;
        g.setFill(labelBackground.getValue());
        g.fillRoundRect(left, y, bw, bh, 8, 8);
        g.setFill(labelTextFill.getValue());
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, left + 8, y + bh / 2);
    }

    private void drawLoupe(GraphicsContext g) {
        double r = LOUPE_RADIUS;
        double zoom = Math.min(ViewportModel.MAX_ZOOM * LOUPE_MAGNIFICATION, viewport.zoom() * LOUPE_MAGNIFICATION);
        double cx = contentX(mouseX);
        double cy = contentY(mouseY);
        Image image = imageA.get();
        boolean smooth = smoothA.get();
        if (split.get() && imageB.get() != null) {
            boolean vertical = orientation.get() == SplitOrientation.VERTICAL;
            double cut = divider.get() * (vertical ? viewport.contentWidth() : viewport.contentHeight());
            if ((vertical ? cx : cy) >= cut) {
                image = imageB.get();
                smooth = smoothB.get();
            }
        }
        if (image == null) {
            return;
        }
        double half = r / zoom;
        double sxScale = image.getWidth() / viewport.contentWidth();
        double syScale = image.getHeight() / viewport.contentHeight();
        g.save();
        g.beginPath();
        g.arc(mouseX, mouseY, r, r, 0, 360);
        g.closePath();
        g.clip();
        g.clearRect(mouseX - r, mouseY - r, 2 * r, 2 * r);
        g.setImageSmoothing(smooth);
        g.drawImage(image, (cx - half) * sxScale, (cy - half) * syScale, 2 * half * sxScale, 2 * half * syScale,
                mouseX - r, mouseY - r, 2 * r, 2 * r);
        g.restore();
        g.setStroke(loupeBorder.getValue());
        g.setLineWidth(2);
        g.strokeOval(mouseX - r, mouseY - r, 2 * r, 2 * r);
    }

    // Coordinates: this pane's own centre maps to the shared centre, so grid panes of any size stay in sync.

    double contentX(double sx) {
        return viewport.centerX() + (sx - getWidth() / 2) / viewport.zoom();
    }

    double contentY(double sy) {
        return viewport.centerY() + (sy - getHeight() / 2) / viewport.zoom();
    }

    double screenX(double cx) {
        return (cx - viewport.centerX()) * viewport.zoom() + getWidth() / 2;
    }

    double screenY(double cy) {
        return (cy - viewport.centerY()) * viewport.zoom() + getHeight() / 2;
    }

    /** True when a press at (x, y) would grab the slider's divider. */
    public boolean isOnDivider(double x, double y) {
        if (!split.get() || imageB.get() == null) {
            return false;
        }
        if (orientation.get() == SplitOrientation.VERTICAL) {
            return Math.abs(x - screenX(divider.get() * viewport.contentWidth())) <= DIVIDER_GRAB;
        }
        return Math.abs(y - screenY(divider.get() * viewport.contentHeight())) <= DIVIDER_GRAB;
    }

    /** Moves the divider to follow the pointer at (x, y). */
    public void dragDividerTo(double x, double y) {
        if (orientation.get() == SplitOrientation.VERTICAL) {
            divider.set(Math.max(0, Math.min(1, contentX(x) / viewport.contentWidth())));
        } else {
            divider.set(Math.max(0, Math.min(1, contentY(y) / viewport.contentHeight())));
        }
    }

    private void installGestures() {
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            double factor = Math.pow(1.0025, e.getDeltaY());
            // Translate to the owner's frame so the point under the cursor stays put in every pane.
            double vx = e.getX() - getWidth() / 2 + viewport.viewWidthProperty().get() / 2;
            double vy = e.getY() - getHeight() / 2 + viewport.viewHeightProperty().get() / 2;
            viewport.zoomAt(factor, vx, vy);
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.MIDDLE) {
                return;
            }
            requestFocus();
            draggingDivider = e.getButton() == MouseButton.PRIMARY && isOnDivider(e.getX(), e.getY());
            lastDragX = e.getX();
            lastDragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (draggingDivider) {
                dragDividerTo(e.getX(), e.getY());
            } else {
                viewport.panBy(e.getX() - lastDragX, e.getY() - lastDragY);
                setCursor(Cursor.CLOSED_HAND);
            }
            lastDragX = e.getX();
            lastDragY = e.getY();
            trackMouse(e);
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            draggingDivider = false;
            setCursor(Cursor.DEFAULT);
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            trackMouse(e);
            setCursor(isOnDivider(e.getX(), e.getY())
                    ? (orientation.get() == SplitOrientation.VERTICAL ? Cursor.H_RESIZE : Cursor.V_RESIZE)
                    : Cursor.DEFAULT);
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (loupe.get() && mouseInside) {
                loupeMoved(mouseX, mouseY);
            }
            mouseInside = false;
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY) {
                if (viewport.fittingProperty().get()) {
                    double vx = e.getX() - getWidth() / 2 + viewport.viewWidthProperty().get() / 2;
                    double vy = e.getY() - getHeight() / 2 + viewport.viewHeightProperty().get() / 2;
                    viewport.zoomAt(1 / viewport.zoom(), vx, vy);
                } else {
                    viewport.fit();
                }
            }
        });
    }

    private void trackMouse(MouseEvent e) {
        if (loupe.get() && mouseInside) {
            loupeMoved(mouseX, mouseY);
        }
        mouseX = e.getX();
        mouseY = e.getY();
        mouseInside = true;
        if (loupe.get()) {
            loupeMoved(mouseX, mouseY);
        }
    }
}
