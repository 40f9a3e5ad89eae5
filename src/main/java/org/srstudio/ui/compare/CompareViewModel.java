package org.srstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.srstudio.ui.common.UiDispatcher;
import org.srstudio.ui.common.UiScheduler;

/**
 * The compare view of one input: its variants, the two being compared (A and B), the mode, the slider's divider,
 * the shared viewport, the loupe, and the difference map. Keys and mouse gestures of the view map onto the
 * commands here.
 */
public final class CompareViewModel {
    public static final double ZOOM_STEP = 1.25;

    private final ImageCache cache;
    private final Executor background;
    private final UiDispatcher ui;
    private final ObservableList<Variant> variants = FXCollections.observableArrayList();
    private final ObjectProperty<Variant> a = new SimpleObjectProperty<>();
    private final ObjectProperty<Variant> b = new SimpleObjectProperty<>();
    private final ObjectProperty<Variant> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<CompareMode> mode = new SimpleObjectProperty<>(CompareMode.SLIDER);
    private final ObjectProperty<SplitOrientation> orientation = new SimpleObjectProperty<>(SplitOrientation.VERTICAL);
    private final DoubleProperty divider = new SimpleDoubleProperty(0.5);
    private final IntegerProperty gridCount = new SimpleIntegerProperty(2);
    private final BooleanProperty loupe = new SimpleBooleanProperty();
    private final ViewportModel viewport = new ViewportModel();
    private final VisibleRegionTracker visibleRegion;
    private final DisplayLevels levels;
    private final ReadOnlyObjectWrapper<DiffHeatmap.Result> heatmap = new ReadOnlyObjectWrapper<>();
    private final AtomicLong heatGeneration = new AtomicLong();
    private int[] heatPalette;
    private final javafx.beans.property.ReadOnlyStringWrapper promptsInfo = new javafx.beans.property.ReadOnlyStringWrapper("");

    public CompareViewModel(ImageCache cache, Executor background, UiDispatcher ui, UiScheduler scheduler) {
        this.cache = cache;
        this.background = background;
        this.ui = ui;
        this.visibleRegion = new VisibleRegionTracker(viewport, variants, scheduler);
        this.levels = new DisplayLevels(background, ui);
        divider.addListener((obs, old, v) -> {
            if (v.doubleValue() < 0 || v.doubleValue() > 1) {
                divider.set(Math.max(0, Math.min(1, v.doubleValue())));
            }
        });
        gridCount.addListener((obs, old, v) -> {
            if (v.intValue() < 2 || v.intValue() > 4) {
                gridCount.set(Math.max(2, Math.min(4, v.intValue())));
            }
        });
        InvalidationListener heat = obs -> refreshHeatmap();
        a.addListener(heat);
        b.addListener(heat);
        mode.addListener(heat);
        InvalidationListener info = obs -> promptsInfo.set(describePrompts());
        a.addListener(info);
        b.addListener(info);
        shown.addListener(info);
        mode.addListener(info);
        gridCount.addListener(info);
        variants.addListener(info);
    }

    /**
     * The prompts of the variants on screen (A and B, or the one shown in toggle mode), one line each, so two
     * prompt edits can be compared with their text in view; empty when none of them had prompts.
     */
    public javafx.beans.property.ReadOnlyStringProperty promptsInfoProperty() {
        return promptsInfo.getReadOnlyProperty();
    }

    private String describePrompts() {
        List<Variant> onScreen = switch (mode.get()) {
            case TOGGLE -> shown.get() == null ? List.of() : List.of(shown.get());
            case GRID -> gridVariants();
            default -> java.util.stream.Stream.of(a.get(), b.get()).filter(java.util.Objects::nonNull).toList();
        };
        StringBuilder text = new StringBuilder();
        String[] sides = {"A", "B"};
        for (int i = 0; i < onScreen.size(); i++) {
            Variant v = onScreen.get(i);
            String side = mode.get() == CompareMode.SLIDER || mode.get() == CompareMode.DIFFERENCE
                    ? sides[Math.min(i, 1)] + " · " : "";
            java.util.Optional<org.srstudio.core.prompt.PromptPair> p = v.prompts();
            if (p.isPresent()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(side).append(v.label()).append(": “").append(p.get().highLevel()).append('”');
                if (!p.get().lowLevel().isEmpty()) {
                    text.append(" · quality: “").append(p.get().lowLevel()).append('”');
                }
            }
        }
        return text.toString();
    }

    // Properties

    public ObservableList<Variant> variants() {
        return variants;
    }

    public ObjectProperty<Variant> aProperty() {
        return a;
    }

    public ObjectProperty<Variant> bProperty() {
        return b;
    }

    public Variant a() {
        return a.get();
    }

    public Variant b() {
        return b.get();
    }

    /** The variant the toggle mode shows. */
    public ObjectProperty<Variant> shownProperty() {
        return shown;
    }

    public ObjectProperty<CompareMode> modeProperty() {
        return mode;
    }

    public CompareMode mode() {
        return mode.get();
    }

    public ObjectProperty<SplitOrientation> orientationProperty() {
        return orientation;
    }

    /** Where the slider divides A from B, as a fraction of the content width (or height). */
    public DoubleProperty dividerProperty() {
        return divider;
    }

    public IntegerProperty gridCountProperty() {
        return gridCount;
    }

    public BooleanProperty loupeProperty() {
        return loupe;
    }

    public ViewportModel viewport() {
        return viewport;
    }

    /** Whether the scores are for the visible region rather than the whole image. */
    public BooleanProperty scoreVisibleRegionProperty() {
        return visibleRegion.enabledProperty();
    }

    /** The region to score once zoom and pan have settled; null for whole-image scores. */
    public ReadOnlyObjectProperty<VisibleRegion> settledRegionProperty() {
        return visibleRegion.settledProperty();
    }

    /** The zoomed-out copies the panes draw from. */
    public DisplayLevels levels() {
        return levels;
    }

    public ReadOnlyObjectProperty<DiffHeatmap.Result> heatmapProperty() {
        return heatmap.getReadOnlyProperty();
    }

    public LoadedImage image(Variant v) {
        return cache.get(v.image());
    }

    /** The variants the side-by-side grid shows: A, B, then the others in order, {@code gridCount} in all. */
    public List<Variant> gridVariants() {
        List<Variant> out = new ArrayList<>();
        if (a.get() != null) {
            out.add(a.get());
        }
        if (b.get() != null && !out.contains(b.get())) {
            out.add(b.get());
        }
        for (Variant v : variants) {
            if (out.size() >= gridCount.get()) {
                break;
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out.subList(0, Math.min(out.size(), gridCount.get()));
    }

    // Commands

    /** Shows another input's variants (or more variants of the same input), keeping A and B when they remain. */
    public void setVariants(List<Variant> next) {
        Variant oldA = a.get();
        Variant oldB = b.get();
        boolean sameInput = !variants.isEmpty() && !next.isEmpty() && variants.get(0).image().equals(next.get(0).image());
        List<Variant> added = next.stream().filter(v -> !variants.contains(v)).toList();
        variants.setAll(next);
        if (!next.isEmpty()) {
            // An empty list is a moment between inputs; keep what is already loading for the next one.
            cache.retainOnly(next.stream().map(Variant::image).toList());
        }
        viewport.setContentSize(next.stream().mapToInt(Variant::width).max().orElse(1),
                next.stream().mapToInt(Variant::height).max().orElse(1));
        if (next.isEmpty()) {
            a.set(null);
            b.set(null);
            shown.set(null);
            return;
        }
        if (sameInput && next.contains(oldA) && next.contains(oldB)) {
            Variant newest = added.stream().filter(v -> v.kind() == VariantKind.MODEL).reduce((x, y) -> y).orElse(null);
            if (newest == null) {
                a.set(oldA);
                b.set(oldB);
            } else if (oldB.kind().isBaseline()) {
                a.set(oldA);
                b.set(newest);
            } else {
                // A new result is compared with the previous one, which is what a multi-model run is for.
                a.set(oldA.kind().isBaseline() ? oldB : oldA);
                b.set(newest);
            }
        } else {
            chooseDefaults();
        }
        if (!next.contains(shown.get())) {
            shown.set(b.get());
        }
    }

    public void setMode(CompareMode m) {
        mode.set(m);
    }

    /** Toggle mode's key: show the other of A and B. */
    public void flip() {
        shown.set(shown.get() == b.get() ? a.get() : b.get());
    }

    /** Number keys: show variant {@code n} (1-based) in toggle mode. */
    public void jumpTo(int n) {
        if (n >= 1 && n <= variants.size()) {
            shown.set(variants.get(n - 1));
            mode.set(CompareMode.TOGGLE);
        }
    }

    public void swapSides() {
        Variant oldA = a.get();
        a.set(b.get());
        b.set(oldA);
    }

    public void toggleOrientation() {
        orientation.set(orientation.get() == SplitOrientation.VERTICAL ? SplitOrientation.HORIZONTAL : SplitOrientation.VERTICAL);
    }

    public void zoomIn() {
        viewport.zoomAt(ZOOM_STEP, viewport.viewWidthProperty().get() / 2, viewport.viewHeightProperty().get() / 2);
    }

    public void zoomOut() {
        viewport.zoomAt(1 / ZOOM_STEP, viewport.viewWidthProperty().get() / 2, viewport.viewHeightProperty().get() / 2);
    }

    /** Sets the palette of the heat map (256 ARGB colours, from the theme) and redraws it. */
    public void setHeatPalette(int[] palette) {
        this.heatPalette = palette.clone();
        refreshHeatmap();
    }

    private void chooseDefaults() {
        List<Variant> models = variants.stream().filter(v -> v.kind() == VariantKind.MODEL).toList();
        Variant smooth = variants.stream().filter(v -> v.kind() == VariantKind.INPUT_SMOOTH).findFirst()
                .orElse(variants.get(0));
        if (models.size() >= 2) {
            a.set(models.get(models.size() - 2));
            b.set(models.get(models.size() - 1));
        } else if (models.size() == 1) {
            a.set(smooth);
            b.set(models.get(0));
        } else {
            a.set(variants.get(0));
            b.set(variants.size() > 1 ? variants.get(1) : variants.get(0));
        }
        shown.set(b.get());
    }

    private void refreshHeatmap() {
        long generation = heatGeneration.incrementAndGet();
        if (mode.get() != CompareMode.DIFFERENCE || a.get() == null || b.get() == null || heatPalette == null) {
            heatmap.set(null);
            return;
        }
        LoadedImage ia = image(a.get());
        LoadedImage ib = image(b.get());
        if (!ia.isFull() || !ib.isFull()) {
            // Waits for both full images; the listener fires once, then removes itself through the generation check.
            InvalidationListener retry = new InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable obs) {
                    ia.fullProperty().removeListener(this);
                    ib.fullProperty().removeListener(this);
                    if (heatGeneration.get() == generation) {
                        refreshHeatmap();
                    }
                }
            };
            ia.fullProperty().addListener(retry);
            ib.fullProperty().addListener(retry);
            return;
        }
        Image pa = ia.image();
        Image pb = ib.image();
        int[] palette = heatPalette;
        int cw = (int) viewport.contentWidth();
        int ch = (int) viewport.contentHeight();
        background.execute(() -> {
            DiffHeatmap.Result result = DiffHeatmap.compute(pa, pb, cw, ch, palette);
            ui.post(() -> {
                if (heatGeneration.get() == generation) {
                    heatmap.set(result);
                }
            });
        });
    }
}
