package org.jgan.tools.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jgan.data.BatchSource;
import org.jgan.data.ImageFolder;
import org.jgan.data.fetch.DataDirectory;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;

/** Training batches from a folder of the user's images, with the skipped files reported. */
public final class FolderTraining {
  /** Skipped files named in the report; the rest are counted. */
  static final int SKIPPED_SHOWN = 5;

  private FolderTraining() {}

  /**
   * Shuffled batches over the training split of the image folder {@code folder}, decoded (once,
   * into {@code cache} or the per-user image cache) to the run's size and channels. Skipped files
   * are reported on {@code errors} whether or not the run is quiet: the run trains on fewer images
   * than the folder holds.
   */
  static BatchSource batches(RunConfig config, Path folder, boolean strict, Path cache, PrintWriter console,
      PrintWriter errors) {
    ImageFolder images = ImageFolder.open(folder, config.imageSize(), config.channels(),
        cache != null ? cache : DataDirectory.imageCache(), strict, line -> {
          if (console != null) {
            console.println(line);
            console.flush();
          }
        });
    List<String> skipped = images.skipped();
    if (!skipped.isEmpty() && errors != null) {
      errors.println(report(folder, skipped, images.paths().size()));
      errors.flush();
    }
    return RunModel.folderBatches(config, images);
  }

  /** One line: how many files were skipped, and the first few with their reasons. */
  static String report(Path folder, List<String> skipped, int kept) {
    StringBuilder line = new StringBuilder(folder + ": skipped " + skipped.size() + " undecodable image"
        + (skipped.size() == 1 ? "" : "s") + " (" + kept + " kept; --strict-images refuses them): ");
    line.append(String.join("; ", skipped.subList(0, Math.min(SKIPPED_SHOWN, skipped.size()))));
    if (skipped.size() > SKIPPED_SHOWN) {
      line.append("; ... and ").append(skipped.size() - SKIPPED_SHOWN).append(" more");
    }
    return line.toString();
  }
}
