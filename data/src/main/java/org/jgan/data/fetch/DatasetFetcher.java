package org.jgan.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jgan.data.DataException;

/**
 * Fetches datasets into a data folder: each file from the first mirror that delivers it, verified
 * against its digest, written under a temporary name and renamed into place only once verified,
 * so a crash never leaves a partial file under the final name (the next fetch resumes it).
 */
public final class DatasetFetcher {
  /** The lock file a fetch holds in a dataset's folder while it writes there. */
  public static final String LOCK_NAME = ".jgan-fetch.lock";

  private final Path dataDir;
  private final MirrorList mirrors;
  private final HttpDownloader downloader;
  private final DownloadProgress progress;

  /** What one {@link #fetch} did: how many files it downloaded and how many were already there and verified. */
  public record Outcome(KnownDataset dataset, int downloaded, int alreadyPresent) {}

  /** A fetcher into {@code dataDir}. */
  public DatasetFetcher(Path dataDir, MirrorList mirrors, HttpDownloader downloader, DownloadProgress progress) {
    this.dataDir = dataDir;
    this.mirrors = mirrors;
    this.downloader = downloader;
    this.progress = progress;
  }

  /**
   * An IllegalArgumentException when {@code dataset} would need a download but has no mirror to
   * download from (the text corpus without a user mirror); checked before anything is fetched.
   */
  public void checkFetchable(KnownDataset dataset) {
    Path folder = dataDir.resolve(dataset.folder());
    boolean complete = dataset.keptFiles().stream().allMatch(f -> Files.isRegularFile(folder.resolve(f)));
    if (!complete && dataset.mirrors().isEmpty() && !mirrors.hasUserMirrors()) {
      throw noMirror(dataset);
    }
  }

  private static IllegalArgumentException noMirror(KnownDataset dataset) {
    return new IllegalArgumentException(dataset.noMirrorReason() + ": pass --mirror URL or set " + MirrorList.VARIABLE
        + " to a server that holds " + dataset.folder() + "/" + dataset.keptFiles().get(0));
  }

  /**
   * Makes {@code dataset} present and verified in the data folder, downloading what is missing or
   * wrong. A downloaded file whose digest differs is deleted and the next mirror tried; if no
   * mirror delivers the right file, a DataException names the file and both digests (or a
   * FetchException gives each mirror's failure).
   */
  public Outcome fetch(KnownDataset dataset) {
    checkFetchable(dataset);
    Path folder = dataDir.resolve(dataset.folder());
    if (DatasetInspector.inspect(dataDir, dataset).state() == DatasetStatus.State.VERIFIED) {
      // Nothing to write, so a read-only folder (a shared copy) can be checked this way too.
      return new Outcome(dataset, 0, dataset.downloads().size());
    }
    try {
      Files.createDirectories(folder);
      // Two fetches into one folder would write the same temporary files: the second one is refused.
      try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK_NAME), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = tryLock(lockFile, folder)) {
        SourceManifest manifest = SourceManifest.of(folder);
        return dataset.isArchive() ? fetchArchive(dataset, folder, manifest) : fetchFiles(dataset, folder, manifest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel lockFile, Path folder) throws IOException {
    FileLock lock;
    try {
      lock = lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new FetchException(folder + ": another jgan data fetch is writing here; run this one once it has finished");
    }
    return lock;
  }

  private Outcome fetchFiles(KnownDataset dataset, Path folder, SourceManifest manifest) throws IOException {
    int downloaded = 0;
    for (RemoteFile file : dataset.downloads()) {
      Path target = folder.resolve(file.name());
      if (Files.isRegularFile(target)) {
        if (file.digest().matches(target)) {
          continue;
        }
        DatasetInspector.quarantine(target);
      }
      download(dataset, file, target, manifest);
      manifest.save(); // after each file, so a later failure keeps this one's source
      downloaded++;
    }
    return new Outcome(dataset, downloaded, dataset.downloads().size() - downloaded);
  }

  private Outcome fetchArchive(KnownDataset dataset, Path folder, SourceManifest manifest) throws IOException {
    RemoteFile archive = dataset.downloads().get(0);
    Path target = folder.resolve(archive.name());
    boolean fetched = false;
    if (!Files.isRegularFile(target) || !archive.digest().matches(target)) {
      Files.deleteIfExists(target);
      download(dataset, archive, target, manifest);
      manifest.save();
      fetched = true;
    }
    String source = manifest.source(archive.name()).orElse(null);
    extract(dataset, target, folder, manifest, source);
    manifest.save();
    // The members are what is kept; their digests, taken from the verified archive, are in the manifest.
    Files.delete(target);
    return new Outcome(dataset, fetched ? 1 : 0, fetched ? 0 : 1);
  }

  private void download(KnownDataset dataset, RemoteFile file, Path target, SourceManifest manifest)
      throws IOException {
    String label = dataset.folder() + "/" + file.name();
    Path part = target.resolveSibling("." + file.name() + ".part");
    List<URI> candidates = mirrors.candidates(dataset, file);
    if (candidates.isEmpty()) {
      throw noMirror(dataset); // a corrupt copy was set aside and nothing can replace it
    }
    List<String> failures = new ArrayList<>();
    String mismatch = null;
    for (URI url : candidates) {
      try {
        downloader.download(url, part, label, progress);
      } catch (IOException e) {
        failures.add(url + ": " + describe(e));
        continue;
      }
      String actual = file.digest().compute(part);
      if (!actual.equals(file.digest().hex())) {
        Files.delete(part);
        HttpDownloader.forgetOrigin(part);
        mismatch = label + " from " + url + ": " + file.digest().describe() + " is " + actual + ", expected "
            + file.digest().hex() + "; the download was deleted";
        failures.add(url + ": wrong digest");
        continue;
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      HttpDownloader.forgetOrigin(part);
      manifest.recordSource(file.name(), url.toString());
      return;
    }
    if (mismatch != null) {
      throw new DataException(mismatch + (failures.size() > 1 ? " (all mirrors: " + String.join("; ", failures) + ")" : ""));
    }
    throw new FetchException(label + ": no mirror delivered it: " + String.join("; ", failures));
  }

  /** A mirror's failure in a few words (the JDK's messages alone can be a bare host name). */
  private static String describe(IOException e) {
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    if (e instanceof SocketTimeoutException) {
      return "timed out (" + e.getMessage() + ")";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Extracts the wanted members of a verified archive, each written under a temporary name then renamed. */
  private static void extract(KnownDataset dataset, Path archive, Path folder, SourceManifest manifest, String source)
      throws IOException {
    Set<String> wanted = new HashSet<>(dataset.extracted());
    try (TarGzReader tar = new TarGzReader(archive)) {
      for (TarGzReader.Entry entry; (entry = tar.next()) != null; ) {
        if (!wanted.remove(entry.baseName())) {
          continue;
        }
        Path temp = folder.resolve("." + entry.baseName() + ".part");
        MessageDigest sha256 = Digest.newDigest("SHA-256");
        try (InputStream in = tar.content(); OutputStream out = Files.newOutputStream(temp)) {
          byte[] buffer = new byte[1 << 16];
          for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            sha256.update(buffer, 0, n);
          }
        }
        Files.move(temp, folder.resolve(entry.baseName()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        manifest.recordExtracted(entry.baseName(), HexFormat.of().formatHex(sha256.digest()));
        if (source != null) {
          manifest.recordSource(entry.baseName(), source);
        }
      }
    }
    if (!wanted.isEmpty()) {
      throw new DataException(archive + ": the archive lacks " + String.join(", ", wanted.stream().sorted().toList()));
    }
  }
}
