package org.jgan.data.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The small file {@code jgan data fetch} leaves in a dataset's folder ({@value #FILE_NAME}): for
 * each file, the URL it came from and, for files extracted from an archive, the SHA-256 they had
 * when the verified archive was unpacked. {@code jgan data list} reads the sources from it and
 * {@code jgan data verify} the recorded digests.
 */
public final class SourceManifest {
  /** The manifest's name inside a dataset folder. */
  public static final String FILE_NAME = "jgan-sources.properties";

  private final Path file;
  private final Properties entries = new Properties();

  private SourceManifest(Path file) {
    this.file = file;
  }

  /** The manifest of {@code folder} (empty when there is none yet). */
  public static SourceManifest of(Path folder) {
    SourceManifest manifest = new SourceManifest(folder.resolve(FILE_NAME));
    if (Files.isRegularFile(manifest.file)) {
      try (InputStream in = Files.newInputStream(manifest.file)) {
        manifest.entries.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(manifest.file + ": cannot read", e);
      }
    }
    return manifest;
  }

  /** The URL {@code name} was fetched from, if recorded. */
  public Optional<String> source(String name) {
    return Optional.ofNullable(entries.getProperty(name + ".url"));
  }

  /** The SHA-256 recorded for {@code name} when it was extracted, if any. */
  public Optional<String> extractedSha256(String name) {
    return Optional.ofNullable(entries.getProperty(name + ".sha256"));
  }

  /** Records that {@code name} came from {@code url}. */
  public void recordSource(String name, String url) {
    entries.setProperty(name + ".url", url);
  }

  /** Records the SHA-256 of a file extracted from a verified archive. */
  public void recordExtracted(String name, String sha256) {
    entries.setProperty(name + ".sha256", sha256);
  }

  /** Writes the manifest atomically (temporary file, then rename), so a crash leaves the old one whole. */
  public void save() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      entries.store(bytes, "written by jgan data fetch: where each file came from");
      Path temp = file.resolveSibling("." + FILE_NAME + ".tmp");
      Files.write(temp, bytes.toByteArray());
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write", e);
    }
  }
}
