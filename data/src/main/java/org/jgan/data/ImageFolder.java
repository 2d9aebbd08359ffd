package org.jgan.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every PNG and JPEG under a folder (recursively, in sorted relative-path order), decoded once by
 * {@link ImageDecoder} into a cache of 8-bit pixels that training reads memory-mapped, so an epoch
 * costs no decoding and a dataset no more memory than the pages it touches.
 *
 * <p>The cache lives in {@code cacheDir} under a key hashing the folder's absolute path, every
 * image's relative path, size and modification time, the image size and the channels: a changed
 * folder is decoded again. Two files make an entry: {@code KEY.index} (the kept and skipped paths)
 * and {@code KEY.pixels}; each is written under a temporary name and renamed into place, pixels
 * last, and a lock per key keeps two runs from decoding the same folder at once.
 *
 * <p>A file that cannot be decoded is skipped and reported by path, or with {@code strict} refused
 * (a {@link DataException} naming it). Splits are a fixed share by a seeded hash of each relative
 * path ({@link #split}), so they do not depend on which other files the folder holds.
 */
public final class ImageFolder {
  /** The image sides the command line accepts. */
  public static final List<Integer> SIZES = List.of(28, 32, 64);
  /** Percent of images held out as the test split; as many again are the validation split. */
  public static final int HELD_OUT_PERCENT = 5;
  private static final long SPLIT_SEED = 0x6a67616e2d737074L;
  private static final String FORMAT = "jgan-image-cache 1";
  /** Storage segments stay under 1 GB: one mapping cannot exceed 2 GB. */
  private static final int SEGMENT_BYTES = 1 << 30;

  private final Path folder;
  private final int size;
  private final int channels;
  private final List<String> paths;
  private final List<String> skipped;
  private final ByteImages images;

  private ImageFolder(Path folder, int size, int channels, List<String> paths, List<String> skipped, ByteImages images) {
    this.folder = folder;
    this.size = size;
    this.channels = channels;
    this.paths = List.copyOf(paths);
    this.skipped = List.copyOf(skipped);
    this.images = images;
  }

  /**
   * Opens {@code folder} at {@code size} x {@code size} x {@code channels}, decoding it into
   * {@code cacheDir} unless an entry for exactly these files exists.
   *
   * @param strict refuse (DataException naming the file) rather than skip an undecodable image
   * @param log receives a line when decoding starts; may be null
   */
  public static ImageFolder open(Path folder, int size, int channels, Path cacheDir, boolean strict, Consumer<String> log) {
    if (!Files.isDirectory(folder)) {
      throw new DataException(folder + ": image folder not found (--data names the folder of PNG/JPEG images)");
    }
    ImageDecoder decoder = new ImageDecoder(size, channels);
    List<Path> files = scan(folder);
    if (files.isEmpty()) {
      throw new DataException(folder + ": no PNG or JPEG images (.png, .jpg, .jpeg) under this folder");
    }
    try {
      Files.createDirectories(cacheDir);
      String key = key(folder, files, size, channels);
      Path index = cacheDir.resolve(key + ".index");
      Path pixels = cacheDir.resolve(key + ".pixels");
      try (FileChannel lockFile = FileChannel.open(cacheDir.resolve(key + ".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        if (!complete(index, pixels, decoder.imageBytes())) {
          if (log != null) {
            log.accept("decoding " + files.size() + " images under " + folder + " into " + pixels);
          }
          decodeAll(folder, files, decoder, index, pixels, strict);
        }
      }
      return read(folder, size, channels, index, pixels, strict);
    } catch (IOException e) {
      throw new DataException(cacheDir + ": cannot write the image cache: " + e.getMessage());
    }
  }

  /** Every kept image, in sorted path order, scaled to {@code range}. */
  public ByteImages images(PixelRange range) {
    return images.scaledTo(range);
  }

  /** The relative paths of the kept images, in order. */
  public List<String> paths() {
    return paths;
  }

  /** Each skipped file as "relative/path: reason". */
  public List<String> skipped() {
    return skipped;
  }

  /** Example shape: size x size x channels. */
  public int[] exampleShape() {
    return new int[] {size, size, channels};
  }

  /**
   * One split scaled to {@code range}: an image is in TEST when the seeded hash of its relative
   * path falls in the first {@link #HELD_OUT_PERCENT} percent, VALIDATION in the next as many,
   * TRAIN otherwise.
   */
  public ByteImages split(Split split, PixelRange range) {
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      if (splitOf(paths.get(i)) == split) {
        chosen.add(i);
      }
    }
    if (chosen.isEmpty()) {
      throw new DataException(folder + ": no images fall in the " + split.name().toLowerCase() + " split ("
          + HELD_OUT_PERCENT + "% of " + paths.size() + " images are held out for each of test and validation)");
    }
    return images.scaledTo(range).subset(folder + "/" + split.name().toLowerCase(),
        chosen.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The split a relative path belongs to. */
  static Split splitOf(String relativePath) {
    int bucket = (int) Math.floorMod(Seeds.derive(SPLIT_SEED, relativePath), 100L);
    return bucket < HELD_OUT_PERCENT ? Split.TEST : bucket < 2 * HELD_OUT_PERCENT ? Split.VALIDATION : Split.TRAIN;
  }

  private static List<Path> scan(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).filter(ImageFolder::isImage)
          .sorted((a, b) -> relative(folder, a).compareTo(relative(folder, b))).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new DataException(folder + ": cannot list the image folder: " + e.getMessage());
    }
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  /** The path below the folder with '/' separators, the same on every platform. */
  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static String key(Path folder, List<Path> files, int size, int channels) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder text = new StringBuilder(FORMAT).append('\n').append(folder.toAbsolutePath().normalize())
        .append('\n').append(size).append('x').append(size).append('x').append(channels).append('\n');
    for (Path file : files) {
      text.append(relative(folder, file)).append('\t').append(Files.size(file)).append('\t')
          .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
      if (text.length() > 1 << 16) {
        sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
      }
    }
    sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
  }

  private static boolean complete(Path index, Path pixels, int imageBytes) throws IOException {
    if (!Files.isRegularFile(index) || !Files.isRegularFile(pixels)) {
      return false;
    }
    List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
    long kept = lines.stream().filter(l -> l.startsWith("+\t")).count();
    return !lines.isEmpty() && lines.get(0).equals(FORMAT) && Files.size(pixels) == kept * imageBytes;
  }

  private static void decodeAll(Path folder, List<Path> files, ImageDecoder decoder, Path index, Path pixels,
      boolean strict) throws IOException {
    List<String> lines = new ArrayList<>(List.of(FORMAT));
    Path pixelsTemp = Files.createTempFile(pixels.getParent(), ".pixels", ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pixelsTemp), 1 << 20)) {
        for (Path file : files) {
          String name = relative(folder, file);
          if (name.contains("\n") || name.contains("\t")) {
            lines.add(fail(strict, file, name, "a tab or line break in its name"));
            continue;
          }
          byte[] image;
          try {
            image = decoder.decode(file);
          } catch (IOException | RuntimeException | OutOfMemoryError e) {
            lines.add(fail(strict, file, name, String.valueOf(e.getMessage()).replace('\n', ' ').replace('\t', ' ')));
            continue;
          }
          out.write(image);
          lines.add("+\t" + name);
        }
      }
      Path indexTemp = Files.createTempFile(index.getParent(), ".index", ".tmp");
      Files.write(indexTemp, lines, StandardCharsets.UTF_8);
      Files.move(indexTemp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(pixelsTemp, pixels, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(pixelsTemp);
    }
  }

  /** The index line of a skipped file, or in strict mode a DataException naming it. */
  private static String fail(boolean strict, Path file, String name, String reason) {
    if (strict) {
      throw new DataException(file + ": cannot decode image: " + reason + " (--strict-images refuses it)");
    }
    return "-\t" + name + "\t" + reason;
  }

  private static ImageFolder read(Path folder, int size, int channels, Path index, Path pixels, boolean strict)
      throws IOException {
    List<String> kept = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
      if (line.startsWith("+\t")) {
        kept.add(line.substring(2));
      } else if (line.startsWith("-\t")) {
        String[] parts = line.substring(2).split("\t", 2);
        String reason = parts.length > 1 ? parts[1] : "undecodable";
        if (strict) {
          throw new DataException(folder.resolve(parts[0]) + ": cannot decode image: " + reason
              + " (--strict-images refuses it)");
        }
        skipped.add(parts[0] + ": " + reason);
      }
    }
    if (kept.isEmpty()) {
      throw new DataException(folder + ": none of its " + skipped.size() + " images could be decoded; first: "
          + skipped.get(0));
    }
    int imageBytes = size * size * channels;
    int perSegment = Math.max(1, SEGMENT_BYTES / imageBytes);
    List<ByteBuffer> segments = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(pixels, StandardOpenOption.READ)) {
      long total = channel.size();
      for (long at = 0; at < total; at += (long) perSegment * imageBytes) {
        segments.add(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min((long) perSegment * imageBytes, total - at)));
      }
    }
    ByteImages images = new ByteImages(folder.toString(), new int[] {size, size, channels}, segments, perSegment, null,
        PixelRange.ZERO_ONE);
    return new ImageFolder(folder, size, channels, kept, skipped, images);
  }
}
