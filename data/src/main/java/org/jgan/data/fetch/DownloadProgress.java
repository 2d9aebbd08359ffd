package org.jgan.data.fetch;

/** Hears how a download advances (a terminal progress line, or nothing). */
public interface DownloadProgress {
  /** Reports nothing. */
  DownloadProgress QUIET = new DownloadProgress() {
    @Override
    public void started(String label, long resumedAt, long total) {}

    @Override
    public void advanced(long bytes) {}

    @Override
    public void finished() {}
  };

  /**
   * A transfer begins.
   *
   * @param label the file, as the user knows it ({@code mnist/train-images-idx3-ubyte.gz})
   * @param resumedAt bytes already on disk from an earlier attempt
   * @param total the full size in bytes, or -1 when the server does not say
   */
  void started(String label, long resumedAt, long total);

  /** The file now has {@code bytes} bytes on disk. */
  void advanced(long bytes);

  /** The transfer ended (completed or broke off). */
  void finished();
}
