package org.jgan.data.fetch;

import java.util.List;

/**
 * A dataset {@code jgan data fetch} knows: where its files come from and what they must hash to.
 *
 * @param name the name on the command line ({@code mnist}, {@code fashion}, ...)
 * @param folder its folder under the data directory
 * @param downloads the files fetched, each with its digest
 * @param mirrors public base URLs, tried in order; a file's URL is the base followed by its name
 * @param extracted for a dataset shipped as one archive: the members kept (the archive is removed
 *     once they are out); empty when the downloads are the dataset's files
 * @param noMirrorReason why there is no public mirror (then the user must name one), or null
 */
public record KnownDataset(String name, String folder, List<RemoteFile> downloads, List<String> mirrors,
    List<String> extracted, String noMirrorReason) {
  /** Copies the lists. */
  public KnownDataset {
    downloads = List.copyOf(downloads);
    mirrors = List.copyOf(mirrors);
    extracted = List.copyOf(extracted);
    if (!extracted.isEmpty() && downloads.size() != 1) {
      throw new IllegalArgumentException(name + ": an extracted dataset comes from exactly one archive");
    }
  }

  /** True when the dataset arrives as an archive whose members are extracted. */
  public boolean isArchive() {
    return !extracted.isEmpty();
  }

  /** The names of the files the dataset keeps in its folder once fetched. */
  public List<String> keptFiles() {
    return isArchive() ? extracted : downloads.stream().map(RemoteFile::name).toList();
  }
}
