package org.srstudio.app;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.srstudio.core.StudioServices;
import org.srstudio.core.image.ImageDecoder;
import org.srstudio.core.prompt.PromptService;
import org.srstudio.ui.ScreenshotTool;
import org.srstudio.iqa.ScoringService;

/**
 * The README screenshots of the real studio: {@link Main}'s composition (installed models, the IQA scorer, the
 * prompt service) on a fresh data folder, with a photo cropped small, its ×4 area-averaged LR as the input and the
 * crop as ground truth. Arguments: output folder, the photo(s), then {@code --models id,id,...}.
 */
public final class StudioScreenshots {
    private StudioScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Path> photos = new ArrayList<>();
        List<String> models = List.of("bicubic", "realesrgan-x4fast");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--models")) {
                models = List.of(args[++i].split(","));
            } else {
                photos.add(Path.of(args[i]));
            }
        }
        Path data = Files.createTempDirectory("srstudio-screens");
        StudioPaths env = StudioPaths.fromEnvironment();
        StudioPaths paths = new StudioPaths(env.modelsDir(), data);
        List<Path> inputs = new ArrayList<>();
        Path truth = null;
        for (Path photo : photos) {
            Path[] pair = lowResolutionPair(photo, data.resolve("pictures"));
            inputs.add(pair[0]);
            truth = truth == null ? pair[1] : truth;
        }
        try (StudioServices services = Studio.create(paths, ImageDecoder.DEFAULT_MAX_PIXELS);
             ScoringService scoring = Studio.scoring(paths);
             PromptService prompts = new PromptService()) {
            ScreenshotTool.capture(services, new IqaVariantScorer(scoring, services.decoder()), prompts, inputs, truth,
                    models, models.get(models.size() - 1), out);
        }
        Platform.exit();
    }

    /** The photo's centre cropped to a multiple of 4 (the ground truth) and its ×4 area-averaged reduction. */
    private static Path[] lowResolutionPair(Path photo, Path dir) throws IOException {
        BufferedImage full = ImageIO.read(photo.toFile());
        int w = Math.min(full.getWidth(), 448) / 4 * 4;
        int h = Math.min(full.getHeight(), 300) / 4 * 4;
        BufferedImage crop = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        g.drawImage(full, -(full.getWidth() - w) / 2, -(full.getHeight() - h) / 2, null);
        g.dispose();
        BufferedImage small = new BufferedImage(w / 4, h / 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D s = small.createGraphics();
        s.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        s.drawImage(crop.getScaledInstance(w / 4, h / 4, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        s.dispose();
        Files.createDirectories(dir);
        String stem = photo.getFileName().toString().replaceAll("\\.[^.]+$", "");
        Path gt = dir.resolve(stem + "_gt.png");
        Path lr = dir.resolve(stem + ".png");
        ImageIO.write(crop, "png", gt.toFile());
        ImageIO.write(small, "png", lr.toFile());
        return new Path[] {lr, gt};
    }
}
