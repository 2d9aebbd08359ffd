package org.jgan.data.fetch;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip-compressed tar archive, one after the other.
 *
 * <p>A tiny reader instead of a library: the data module has no dependencies, and the archives it
 * opens (CIFAR-10's) need only ustar/GNU headers with octal sizes and GNU long names.
 */
final class TarGzReader implements AutoCloseable {
  private static final int BLOCK = 512;

  private final InputStream in;
  private long remaining;
  private long padding;

  /** One regular file in the archive; read its content with {@link #content()} before the next call. */
  record Entry(String path, long size) {
    /** The last component of the path. */
    String baseName() {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? path : path.substring(slash + 1);
    }
  }

  TarGzReader(Path archive) throws IOException {
    this.in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16);
  }

  /** The next regular file, or null at the end of the archive. */
  Entry next() throws IOException {
    skipRest();
    String longName = null;
    while (true) {
      byte[] header = in.readNBytes(BLOCK);
      if (header.length < BLOCK || header[0] == 0) {
        return null; // end-of-archive blocks, or a truncated archive (the digest check catches that)
      }
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      remaining = size;
      padding = (BLOCK - size % BLOCK) % BLOCK;
      if (type == 'L') { // GNU long name: the content is the next entry's path
        longName = new String(in.readNBytes((int) size), StandardCharsets.UTF_8).replace("\0", "");
        remaining = 0;
        skipRest();
        continue;
      }
      if (type != '0' && type != '\0') { // directories, links, pax headers: not wanted
        skipRest();
        longName = null;
        continue;
      }
      String path = longName != null ? longName : name(header);
      return new Entry(path, size);
    }
  }

  /** The current entry's content, as a stream that ends with it. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
          return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
          throw new EOFException("archive ends inside an entry");
        }
        remaining -= n;
        return n;
      }
    };
  }

  private void skipRest() throws IOException {
    in.skipNBytes(remaining + padding);
    remaining = 0;
    padding = 0;
  }

  private static String name(byte[] header) {
    String name = text(header, 0, 100);
    boolean ustar = text(header, 257, 6).startsWith("ustar");
    String prefix = ustar ? text(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    String digits = text(header, offset, length).trim();
    try {
      return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    } catch (NumberFormatException e) {
      throw new IOException("bad tar header size '" + digits + "'");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
