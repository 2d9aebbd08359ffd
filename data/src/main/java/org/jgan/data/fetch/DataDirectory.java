package org.jgan.data.fetch;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where datasets live when no {@code --data} flag names a folder: {@code JGAN_DATA}, else the
 * per-user cache {@code $XDG_CACHE_HOME/jgan/datasets} (by default {@code ~/.cache/jgan/datasets}).
 * Every command resolves its default here, so {@code jgan data fetch} and the commands that read
 * the data agree on the folder.
 */
public final class DataDirectory {
  /** The environment variable naming the data folder. */
  public static final String VARIABLE = "JGAN_DATA";
  /**
   * Where {@link #orDefault} looks when no flag names a folder, in words: the one wording every
   * command's help gives of the default data folder.
   */
  public static final String DEFAULT_FOLDER = "$" + VARIABLE + ", else the per-user cache"
      + " $XDG_CACHE_HOME/jgan/datasets (~/.cache/jgan/datasets)";

  private DataDirectory() {}

  /** The default data folder for this process's environment. */
  public static Path resolve() {
    return resolve(System.getenv(), System.getProperty("user.home"));
  }

  /** The default data folder for a given environment and home directory. */
  static Path resolve(Map<String, String> environment, String home) {
    String named = environment.get(VARIABLE);
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    return cacheRoot(environment, home).resolve("jgan").resolve("datasets");
  }

  /**
   * Where decoded image folders are cached ({@code org.jgan.data.ImageFolder}): the per-user cache's
   * {@code jgan/image-cache}, also when {@code JGAN_DATA} names the data folder (which may be read-only).
   */
  public static Path imageCache() {
    return cacheRoot(System.getenv(), System.getProperty("user.home")).resolve("jgan").resolve("image-cache");
  }

  private static Path cacheRoot(Map<String, String> environment, String home) {
    String cache = environment.get("XDG_CACHE_HOME");
    // The XDG specification says a relative value is invalid and must be ignored.
    return cache != null && !cache.isBlank() && Path.of(cache).isAbsolute() ? Path.of(cache) : Path.of(home, ".cache");
  }

  /** {@code flag} when given, else the default folder. */
  public static Path orDefault(Path flag) {
    return flag != null ? flag : resolve();
  }

  /** Where the default came from, for messages: {@code JGAN_DATA} or {@code the per-user cache}. */
  public static String origin() {
    String named = System.getenv(VARIABLE);
    return named != null && !named.isBlank() ? VARIABLE : "the per-user cache";
  }

  /**
   * The command that fetches {@code dataset} into {@code dataDir}: {@code jgan data fetch NAME},
   * with {@code --to DIR} unless DIR is the default folder.
   */
  public static String fetchCommand(String dataset, Path dataDir) {
    boolean isDefault = dataDir.toAbsolutePath().normalize().equals(resolve().toAbsolutePath().normalize());
    return "jgan data fetch " + dataset + (isDefault ? "" : " --to " + dataDir);
  }

  /**
   * The sentence that ends a "data not found" message: what to run to get the dataset kept in
   * {@code folder} (or the general form when no fetchable dataset lives there).
   */
  public static String fetchHint(String folder, Path dataDir) {
    return DatasetCatalogue.standard().byFolder(folder)
        .map(d -> "run '" + fetchCommand(d.name(), dataDir) + "' (or pass --data DIR / set JGAN_DATA to a folder holding "
            + folder + "/)")
        .orElse("pass --data DIR or set JGAN_DATA to a folder holding " + folder + "/");
  }
}
