package org.jgan.tools.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Small generated stand-ins for users' data: CIFAR-10-format files and a folder of images. */
public final class OwnData {
  /** Bytes in one CIFAR-10 record: a label and three 32x32 planes. */
  public static final int CIFAR_RECORD = 1 + 3 * 32 * 32;
  /**
   * Images {@link #imageFolder} writes so that the held-out shares (5% each by path hash) are not
   * empty: with these names, 200 images put 6 in validation and 12 in test (80 would put none in
   * validation).
   */
  public static final int HELD_OUT_SAFE_COUNT = 200;

  private OwnData() {}

  /** {@code dataDir/cifar10/} with {@code perFile} random records in each of the six official files. */
  public static Path cifar10(Path dataDir, int perFile) throws IOException {
    Path folder = Files.createDirectories(dataDir.resolve("cifar10"));
    SplittableRandom random = new SplittableRandom(10);
    for (String name : new String[] {"data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
        "test_batch"}) {
      byte[] bytes = new byte[perFile * CIFAR_RECORD];
      for (int r = 0; r < perFile; r++) {
        bytes[r * CIFAR_RECORD] = (byte) (r % 10);
        for (int j = 1; j < CIFAR_RECORD; j++) {
          bytes[r * CIFAR_RECORD + j] = (byte) random.nextInt(256);
        }
      }
      Files.write(folder.resolve(name + ".bin"), bytes);
    }
    return dataDir;
  }

  /**
   * A folder of {@code count} random colour images of varying sizes (PNG and JPEG, some in a
   * subfolder) and one file that is not an image despite its name.
   */
  public static Path imageFolder(Path folder, int count) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(40 + i % 7, 50, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, random.nextInt(1 << 24));
        }
      }
      Path file = folder.resolve(i % 4 == 0 ? "nested" : ".").resolve(String.format("img%03d.%s", i, i % 2 == 0 ? "png" : "jpg"));
      Files.createDirectories(file.getParent());
      ImageIO.write(image, i % 2 == 0 ? "png" : "jpeg", file.toFile());
    }
    Files.write(folder.resolve("not-an-image.png"), new byte[] {1, 2, 3});
    return folder;
  }
}
