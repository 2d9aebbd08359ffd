package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users' image folders: decoding, cropping, the cache, corrupt files and the held-out split. */
class ImageFolderTest {
  @TempDir
  Path dir;

  private Path images() throws IOException {
    return Files.createDirectories(dir.resolve("images"));
  }

  private Path cache() {
    return dir.resolve("cache");
  }

  /** A solid-colour image of the given size. */
  static void solid(Path file, int width, int height, int rgb, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    Files.createDirectories(file.getParent());
    assertTrue(ImageIO.write(image, format, file.toFile()));
  }

  private static float[] pixels(ImageFolder folder) {
    return folder.images(PixelRange.ZERO_ONE).toDataset().values();
  }

  @Test
  void imagesAreReadRecursivelyInSortedOrderCroppedAndResized() throws IOException {
    Path root = images();
    // A 6x4 image: the centre square is columns 1..4; its left half is red, its right half blue.
    BufferedImage wide = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 6; x++) {
        wide.setRGB(x, y, x < 3 ? 0xff0000 : 0x0000ff);
      }
    }
    Files.createDirectories(root.resolve("b"));
    ImageIO.write(wide, "png", root.resolve("b/wide.png").toFile());
    solid(root.resolve("a/green.PNG"), 5, 5, 0x00ff00, "png");
    solid(root.resolve("c.jpg"), 8, 8, 0xffffff, "jpeg");
    Files.writeString(root.resolve("notes.txt"), "not an image");

    ImageFolder folder = ImageFolder.open(root, 2, 3, cache(), false, null);
    assertEquals(List.of("a/green.PNG", "b/wide.png", "c.jpg"), folder.paths());
    assertTrue(folder.skipped().isEmpty());
    assertArrayEquals(new int[] {2, 2, 3}, folder.exampleShape());
    float[] v = pixels(folder);
    assertEquals(3 * 12, v.length);
    assertArrayEquals(new float[] {0, 1, 0}, Arrays.copyOfRange(v, 0, 3), 1e-6f);
    // wide.png, top row: left output pixel red, right one blue.
    assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, Arrays.copyOfRange(v, 12, 18), 1e-6f);
    assertEquals(1f, v[24], 0.02f);

    float[] grey = pixels(ImageFolder.open(root, 2, 1, cache(), false, null));
    assertEquals(4 * 3, grey.length);
    assertEquals(Math.round(0.587f * 255) / 255f, grey[0], 1e-6f);
  }

  @Test
  void corruptFilesAreSkippedAndNamedOrRefusedWhenStrict() throws IOException {
    Path root = images();
    solid(root.resolve("good.png"), 4, 4, 0x808080, "png");
    Files.write(root.resolve("garbage.png"), new byte[] {1, 2, 3, 4, 5});
    solid(root.resolve("cut.png"), 16, 16, 0x123456, "png");
    byte[] whole = Files.readAllBytes(root.resolve("cut.png"));
    Files.write(root.resolve("cut.png"), Arrays.copyOf(whole, whole.length - 20));
    solid(root.resolve("cut.jpg"), 16, 16, 0x123456, "jpeg");
    byte[] jpeg = Files.readAllBytes(root.resolve("cut.jpg"));
    Files.write(root.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));

    ImageFolder folder = ImageFolder.open(root, 4, 1, cache(), false, null);
    assertEquals(List.of("good.png"), folder.paths());
    assertEquals(3, folder.skipped().size());
    assertTrue(folder.skipped().get(0).startsWith("cut.jpg: truncated JPEG"), folder.skipped().toString());
    assertTrue(folder.skipped().get(1).startsWith("cut.png: truncated PNG"), folder.skipped().toString());
    assertTrue(folder.skipped().get(2).startsWith("garbage.png: "), folder.skipped().toString());

    DataException strict = assertThrows(DataException.class, () -> ImageFolder.open(root, 4, 1, cache(), true, null));
    assertTrue(strict.getMessage().startsWith(root.resolve("cut.jpg") + ": cannot decode image"), strict.getMessage());
    // Also when the folder was decoded without --strict-images before (the cache remembers skipped files).
    DataException fresh = assertThrows(DataException.class,
        () -> ImageFolder.open(root, 4, 1, dir.resolve("other-cache"), true, null));
    assertTrue(fresh.getMessage().contains("cut.jpg"), fresh.getMessage());
  }

  @Test
  void aHeaderDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
    Path root = images();
    solid(root.resolve("huge.png"), 2, 2, 0, "png");
    byte[] png = Files.readAllBytes(root.resolve("huge.png"));
    // IHDR data starts at byte 16: width, height (big-endian); its CRC follows the 13 data bytes.
    ByteBuffer b = ByteBuffer.wrap(png);
    b.putInt(16, 100_000);
    b.putInt(20, 100_000);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    b.putInt(29, (int) crc.getValue());
    Files.write(root.resolve("huge.png"), png);
    solid(root.resolve("small.png"), 2, 2, 0, "png");

    ImageFolder folder = ImageFolder.open(root, 2, 1, cache(), false, null);
    assertEquals(List.of("small.png"), folder.paths());
    assertTrue(folder.skipped().get(0).contains("100000 x 100000"), folder.skipped().toString());
  }

  @Test
  void theCacheIsReusedUntilTheFolderChanges() throws IOException {
    Path root = images();
    Path red = root.resolve("red.png");
    solid(red, 4, 4, 0xff0000, "png");
    solid(root.resolve("blue.png"), 4, 4, 0x0000ff, "png");
    List<String> lines = new ArrayList<>();
    ImageFolder.open(root, 2, 3, cache(), false, lines::add);
    assertEquals(1, lines.size(), "decoded once");
    long entries = entries();

    // Same name, size and time but other bytes (zeros, not an image): the key cannot tell, so the
    // cached pixels are read as they were, which shows the file was not decoded again.
    FileTime time = Files.getLastModifiedTime(red);
    Files.write(red, new byte[(int) Files.size(red)]);
    Files.setLastModifiedTime(red, time);
    ImageFolder again = ImageFolder.open(root, 2, 3, cache(), false, lines::add);
    assertEquals(1, lines.size(), "not decoded again");
    assertEquals(1f, pixels(again)[12], 1e-6f);
    assertEquals(entries, entries());

    assertEquals(List.of("blue.png", "red.png"), again.paths());

    // A new modification time is a changed folder: decoded again, and the zeros are skipped.
    Files.setLastModifiedTime(red, FileTime.fromMillis(time.toMillis() + 5000));
    ImageFolder changed = ImageFolder.open(root, 2, 3, cache(), false, lines::add);
    assertEquals(2, lines.size(), "decoded again");
    assertEquals(List.of("blue.png"), changed.paths());
    assertEquals(1, changed.skipped().size());
    // Another size or channel count is another entry too.
    ImageFolder.open(root, 2, 1, cache(), false, lines::add);
    assertEquals(3, lines.size());
    try (Stream<Path> files = Files.list(cache())) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  private long entries() throws IOException {
    try (Stream<Path> files = Files.list(cache())) {
      return files.filter(p -> p.toString().endsWith(".pixels")).count();
    }
  }

  @Test
  void theHeldOutSplitDependsOnlyOnEachPath() throws IOException {
    int test = 0;
    int validation = 0;
    for (int i = 0; i < 20_000; i++) {
      Split split = ImageFolder.splitOf("img_" + i + ".jpg");
      assertEquals(split, ImageFolder.splitOf("img_" + i + ".jpg"));
      test += split == Split.TEST ? 1 : 0;
      validation += split == Split.VALIDATION ? 1 : 0;
    }
    assertEquals(1000, test, 100);
    assertEquals(1000, validation, 100);

    Path root = images();
    for (int i = 0; i < 60; i++) {
      solid(root.resolve(String.format("img_%02d.png", i)), 2, 2, i * 4 << 16, "png");
    }
    ImageFolder folder = ImageFolder.open(root, 2, 1, cache(), false, null);
    int train = folder.split(Split.TRAIN, PixelRange.ZERO_ONE).size();
    int held = 0;
    for (String p : folder.paths()) {
      held += ImageFolder.splitOf(p) == Split.TRAIN ? 0 : 1;
    }
    assertEquals(60 - held, train);
    assertTrue(held > 0 && held < 20, "some held out: " + held);
  }

  @Test
  void anEmptyOrMissingFolderIsOneError() throws IOException {
    DataException missing = assertThrows(DataException.class,
        () -> ImageFolder.open(dir.resolve("nope"), 32, 3, cache(), false, null));
    assertTrue(missing.getMessage().contains("nope: image folder not found"), missing.getMessage());
    Path root = images();
    DataException empty = assertThrows(DataException.class, () -> ImageFolder.open(root, 32, 3, cache(), false, null));
    assertTrue(empty.getMessage().contains("no PNG or JPEG images"), empty.getMessage());
  }
}
