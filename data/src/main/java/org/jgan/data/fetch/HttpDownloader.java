package org.jgan.data.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Downloads one URL into a partial file, resuming what an earlier attempt left there with an HTTP
 * Range request (a server that answers 200 instead of 206 sends the whole file again, which then
 * replaces the partial one). Connect and read timeouts bound every wait.
 */
public final class HttpDownloader {
  /** Timeouts for real mirrors: generous, since a slow mirror is still better than none. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  /** The longest silence tolerated in the middle of a transfer. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  /** Consecutive broken transfers (each of which made no progress) before a mirror is given up. */
  private static final int STALLS_ALLOWED = 3;
  private static final int REDIRECTS_ALLOWED = 5;

  private final Duration connectTimeout;
  private final Duration readTimeout;

  /** A downloader with the default timeouts. */
  public HttpDownloader() {
    this(CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  /** A downloader with the given connect and read timeouts. */
  public HttpDownloader(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** An HTTP status that means this mirror does not have the file; retrying it is pointless. */
  static final class StatusException extends IOException {
    StatusException(String message) {
      super(message);
    }
  }

  /**
   * Fetches {@code url} into {@code part} until it is complete. A partial file left by an earlier
   * attempt on the same URL is resumed; one from another URL is replaced once this URL answers
   * (mirrors may compress the same content differently, so their bytes cannot be spliced). A
   * connection dropped midway is retried with a Range request as long as each attempt makes
   * progress.
   *
   * @throws IOException when the mirror answers an error status, cannot be reached, or stops
   *     sending data
   */
  public void download(URI url, Path part, String label, DownloadProgress progress) throws IOException {
    int stalls = 0;
    while (true) {
      long before = resumable(url, part);
      try {
        transfer(url, part, label, progress);
        return;
      } catch (StatusException e) {
        throw e;
      } catch (IOException e) {
        long after = resumable(url, part);
        stalls = after > before ? 0 : stalls + 1;
        if (stalls >= STALLS_ALLOWED || after == 0) {
          throw e;
        }
      }
    }
  }

  /** Removes the note of which URL a partial file came from (once the file is complete or discarded). */
  public static void forgetOrigin(Path part) throws IOException {
    Files.deleteIfExists(origin(part));
  }

  private static Path origin(Path part) {
    return part.resolveSibling(part.getFileName() + ".source");
  }

  /** How many bytes of {@code part} came from {@code url} and can be continued from it. */
  private static long resumable(URI url, Path part) throws IOException {
    Path origin = origin(part);
    boolean same = Files.exists(part) && Files.exists(origin) && Files.readString(origin).equals(url.toString());
    return same ? Files.size(part) : 0;
  }

  private void transfer(URI url, Path part, String label, DownloadProgress progress) throws IOException {
    long have = resumable(url, part);
    HttpURLConnection connection = open(url, have);
    try {
      int status = connection.getResponseCode();
      if (status == 416 && have > 0) {
        // The server cannot serve from our offset (the partial file is as long as the file, or
        // longer): start over.
        Files.delete(part);
        forgetOrigin(part);
        throw new IOException("range from byte " + have + " refused (HTTP 416)");
      }
      boolean resumed = status == 206 && have > 0 && rangeStartsAt(connection, have);
      if (status != 200 && !resumed) {
        throw new StatusException("HTTP " + status);
      }
      long length = connection.getContentLengthLong();
      long start = resumed ? have : 0;
      long total = length < 0 ? -1 : start + length;
      progress.started(label, start, total);
      long size = start;
      try (InputStream in = connection.getInputStream();
          OutputStream out = resumed ? Files.newOutputStream(part, StandardOpenOption.APPEND)
              : Files.newOutputStream(part)) {
        // Noted only once the old bytes are truncated: a partial file never carries another URL's name.
        Files.writeString(origin(part), url.toString(), StandardCharsets.UTF_8);
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
          size += n;
          progress.advanced(size);
        }
      } finally {
        progress.finished();
      }
      if (total >= 0 && size < total) {
        throw new EOFException("connection closed after " + size + " of " + total + " bytes");
      }
    } finally {
      connection.disconnect();
    }
  }

  /** Opens {@code url} (asking for bytes from {@code offset} on when positive), following redirects across protocols. */
  private HttpURLConnection open(URI url, long offset) throws IOException {
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      String scheme = current.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new StatusException("redirected to " + current + ", not an http(s) URL");
      }
      HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection();
      connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
      connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
      // Redirects are followed here, not by the JDK, which refuses to go from http to https.
      connection.setInstanceFollowRedirects(false);
      connection.setRequestProperty("User-Agent", "jgan-data-fetch");
      if (offset > 0) {
        connection.setRequestProperty("Range", "bytes=" + offset + "-");
      }
      int status = connection.getResponseCode();
      String location = connection.getHeaderField("Location");
      if (status / 100 != 3 || location == null) {
        return connection;
      }
      connection.disconnect();
      if (redirects == REDIRECTS_ALLOWED) {
        throw new IOException("more than " + REDIRECTS_ALLOWED + " redirects");
      }
      current = current.resolve(location);
    }
  }

  /** True when a 206 answer's Content-Range starts where the partial file ends. */
  private static boolean rangeStartsAt(HttpURLConnection connection, long offset) {
    String range = connection.getHeaderField("Content-Range");
    return range != null && range.trim().startsWith("bytes " + offset + "-");
  }
}
