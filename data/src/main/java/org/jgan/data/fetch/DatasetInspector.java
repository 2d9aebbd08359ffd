package org.jgan.data.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks what a data folder holds of a dataset, recomputing every present file's digest. */
public final class DatasetInspector {
  /** The suffix a corrupt file is renamed with, so that no command reads it and a fetch replaces it. */
  public static final String QUARANTINE_SUFFIX = ".corrupt";

  private DatasetInspector() {}

  /**
   * The state of {@code dataset} in {@code dataDir}. Partial downloads (temporary names) do not
   * count as present.
   */
  public static DatasetStatus inspect(Path dataDir, KnownDataset dataset) {
    Path folder = dataDir.resolve(dataset.folder());
    SourceManifest manifest = Files.isDirectory(folder) ? SourceManifest.of(folder) : null;
    long bytes = 0;
    int present = 0;
    List<Path> corrupt = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    for (String name : dataset.keptFiles()) {
      Path file = folder.resolve(name);
      if (!Files.isRegularFile(file)) {
        problems.add(file + ": missing");
        continue;
      }
      present++;
      bytes += size(file);
      manifest.source(name).ifPresent(url -> sources.add(url.substring(0, url.lastIndexOf('/') + 1)));
      Optional<Digest> expected = expectedDigest(dataset, name, manifest);
      if (expected.isEmpty()) {
        corrupt.add(file);
        problems.add(file + ": no recorded digest to check it against (fetch it again with jgan data fetch "
            + dataset.name() + ")");
        continue;
      }
      String actual = expected.get().compute(file);
      if (!actual.equals(expected.get().hex())) {
        corrupt.add(file);
        problems.add(file + ": " + expected.get().describe() + " is " + actual + ", expected " + expected.get().hex());
      }
    }
    DatasetStatus.State state = !corrupt.isEmpty() ? DatasetStatus.State.CORRUPT
        : present == 0 ? DatasetStatus.State.MISSING
        : present < dataset.keptFiles().size() ? DatasetStatus.State.INCOMPLETE : DatasetStatus.State.VERIFIED;
    return new DatasetStatus(dataset, state, bytes, List.copyOf(sources), problems, corrupt);
  }

  /**
   * Renames a corrupt file to {@code NAME.corrupt}, out of the way of every reader; returns the new
   * path (kept for inspection; a fetch replaces the original).
   */
  public static Path quarantine(Path file) {
    Path aside = file.resolveSibling(file.getFileName() + QUARANTINE_SUFFIX);
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot move the corrupt file aside", e);
    }
    return aside;
  }

  /** A downloaded file's shipped digest, or an extracted member's SHA-256 recorded on extraction. */
  private static Optional<Digest> expectedDigest(KnownDataset dataset, String name, SourceManifest manifest) {
    if (dataset.isArchive()) {
      return manifest.extractedSha256(name).map(Digest::sha256);
    }
    return dataset.downloads().stream().filter(f -> f.name().equals(name)).map(RemoteFile::digest).findFirst();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read", e);
    }
  }
}
