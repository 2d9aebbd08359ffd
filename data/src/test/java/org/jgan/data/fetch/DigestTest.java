package org.jgan.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests of raw and gzip-decompressed content. */
class DigestTest {
  @TempDir
  Path dir;

  @Test
  void aRecompressedArchiveKeepsTheDigestOfItsContent() throws IOException {
    byte[] content = TestData.random(50_000, 3);
    byte[] fast = TestData.gzip(content, Deflater.BEST_SPEED);
    byte[] small = TestData.gzip(content, Deflater.BEST_COMPRESSION);
    assertNotEquals(TestData.hex("SHA-256", fast), TestData.hex("SHA-256", small), "the archives differ as bytes");
    Digest expected = Digest.sha256OfDecompressed(TestData.hex("SHA-256", content));

    assertTrue(expected.matches(Files.write(dir.resolve("fast.gz"), fast)));
    assertTrue(expected.matches(Files.write(dir.resolve("small.gz"), small)));
    assertFalse(Digest.sha256(TestData.hex("SHA-256", content)).matches(dir.resolve("fast.gz")));
  }

  @Test
  void aTruncatedArchiveDoesNotMatchAndSaysWhy() throws IOException {
    byte[] archive = TestData.gzip(TestData.random(50_000, 4), Deflater.DEFAULT_COMPRESSION);
    Path truncated = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(archive, archive.length / 2));

    String actual = Digest.sha256OfDecompressed("00").compute(truncated);

    assertTrue(actual.startsWith("unreadable ("), actual);
  }

  @Test
  void md5OfRawBytes() throws IOException {
    Path file = Files.writeString(dir.resolve("abc"), "abc");
    assertEquals("900150983cd24fb0d6963f7d28e17f72", Digest.md5("00").compute(file));
  }
}
