package org.jgan.graphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The size of one core's L2 cache, as Linux reports it: TensorFlow's oneDNN product kernel decides by it
 * whether to split a matrix product over the intra-op threads (see
 * {@code TrainingDefaults.SINGLE_THREADED_PRODUCT_L2_SHARE}).
 */
public final class ProcessorCache {
  /** The first processor's caches, one {@code index<i>} folder each with {@code level}, {@code type}, {@code size}. */
  private static final Path LINUX_CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");
  private static final OptionalLong L2 = l2Bytes(LINUX_CACHES);

  private ProcessorCache() {}

  /** This machine's per-core L2 size in bytes; empty where the system does not say (not Linux, no sysfs). */
  public static OptionalLong l2Bytes() {
    return L2;
  }

  /** The data (or unified) level-2 cache among {@code caches}' {@code index<i>} folders; empty if none is readable. */
  static OptionalLong l2Bytes(Path caches) {
    if (!Files.isDirectory(caches)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> entries = Files.list(caches)) {
      for (Path index : entries.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
        if (read(index, "level").equals("2") && !read(index, "type").equals("Instruction")) {
          return OptionalLong.of(parseSize(read(index, "size")));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // A cache folder that cannot be read or parsed leaves the size unknown, and the defaults fall back.
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  private static String read(Path index, String name) throws IOException {
    Path file = index.resolve(name);
    return Files.exists(file) ? Files.readString(file).strip() : "";
  }

  /** Bytes of a sysfs cache size: {@code 2048K}, {@code 4M}, {@code 512} (bytes). */
  static long parseSize(String text) {
    String size = text.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    for (String suffix : List.of("K", "M", "G")) {
      unit *= 1024;
      if (size.endsWith(suffix)) {
        return Long.parseLong(size.substring(0, size.length() - 1)) * unit;
      }
    }
    return Long.parseLong(size);
  }
}
