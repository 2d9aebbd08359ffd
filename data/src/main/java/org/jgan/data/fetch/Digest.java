package org.jgan.data.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The expected digest of one dataset file: an algorithm, its hex value, and whether it is taken
 * over the file's bytes or over its gzip-decompressed content.
 *
 * @param algorithm a {@link MessageDigest} name, {@code SHA-256} or {@code MD5}
 * @param hex the expected value, lower-case hexadecimal
 * @param ofDecompressedContent true when the digest covers the gunzipped content, not the archive
 */
public record Digest(String algorithm, String hex, boolean ofDecompressedContent) {
  /** Checks the value is hexadecimal and normalises it to lower case. */
  public Digest {
    hex = hex.toLowerCase(Locale.ROOT);
    HexFormat.of().parseHex(hex);
  }

  /** SHA-256 of the file's bytes. */
  public static Digest sha256(String hex) {
    return new Digest("SHA-256", hex, false);
  }

  /** SHA-256 of the gzip-decompressed content of a {@code .gz} file. */
  public static Digest sha256OfDecompressed(String hex) {
    return new Digest("SHA-256", hex, true);
  }

  /** MD5 of the file's bytes (only where the publisher gives nothing stronger). */
  public static Digest md5(String hex) {
    return new Digest("MD5", hex, false);
  }

  /** This digest's algorithm applied to {@code file} the same way (raw or decompressed). */
  public String compute(Path file) {
    MessageDigest digest = newDigest(algorithm);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = ofDecompressedContent ? new GZIPInputStream(raw, 1 << 16) : raw) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      // A truncated or non-gzip file cannot match: report it as its own kind of digest.
      return "unreadable (" + e.getMessage() + ")";
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** True when {@code file} has this digest. */
  public boolean matches(Path file) {
    return hex.equals(compute(file));
  }

  /** How the digest is described in messages, e.g. {@code SHA-256 of the decompressed content}. */
  public String describe() {
    return algorithm + (ofDecompressedContent ? " of the decompressed content" : "");
  }

  /** A fresh {@link MessageDigest}; every JDK has SHA-256 and MD5. */
  static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no " + algorithm + " in this JDK", e);
    }
  }
}
