package org.jgan.data.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Small generated files, archives and catalogues for the fetch tests. */
final class TestData {
  private TestData() {}

  /** {@code size} seeded pseudo-random bytes. */
  static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String hex(String algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(Digest.newDigest(algorithm).digest(bytes));
  }

  /** {@code content} gzip-compressed at {@code level} (different levels give different bytes, same content). */
  static byte[] gzip(byte[] content, int level) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
      {
        def.setLevel(level);
      }
    }) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A one-file dataset {@code name} in folder {@code name}, checked by the file's SHA-256. */
  static KnownDataset plain(String name, String file, byte[] content, List<String> publicMirrors) {
    return new KnownDataset(name, name, List.of(new RemoteFile(file, Digest.sha256(hex("SHA-256", content)))),
        publicMirrors, List.of(), publicMirrors.isEmpty() ? name + " has no public mirror" : null);
  }

  /** A gzip tar archive of the given members, each under {@code directory/}, as GNU/ustar tar writes them. */
  static byte[] tarGz(String directory, Map<String, byte[]> members) {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    tar.writeBytes(header(directory + "/", 0, '5'));
    for (Map.Entry<String, byte[]> member : members.entrySet()) {
      tar.writeBytes(header(directory + "/" + member.getKey(), member.getValue().length, '0'));
      tar.writeBytes(member.getValue());
      tar.writeBytes(new byte[(512 - member.getValue().length % 512) % 512]);
    }
    tar.writeBytes(new byte[1024]);
    return gzip(tar.toByteArray(), Deflater.DEFAULT_COMPRESSION);
  }

  private static byte[] header(String name, long size, char type) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", size));
    put(header, 136, String.format("%011o", 0));
    header[156] = (byte) type;
    put(header, 257, "ustar");
    put(header, 263, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    return header;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
