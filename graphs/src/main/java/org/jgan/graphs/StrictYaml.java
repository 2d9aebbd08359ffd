package org.jgan.graphs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a user's YAML (or JSON) file for jgan: safe types only, and a key written twice is an error
 * rather than "the last one wins". Every failure is one line naming the file.
 */
public final class StrictYaml {
  private StrictYaml() {}

  /**
   * The parsed document of {@code file} (maps, lists, scalars).
   *
   * @param what what the file is, for the not-found message ("experiment file", "cluster file")
   * @throws IllegalArgumentException naming the file: not found, a duplicate key (with its line), not valid YAML
   * @throws IOException when the file exists but cannot be read
   */
  public static Object load(Path file, String what) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": " + what + " not found");
    }
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (DuplicateKeyException e) {
      throw new IllegalArgumentException(file + ": " + e.getProblem().replaceFirst("^found duplicate key (.*)$",
          "duplicate key '$1'") + " (line " + (e.getProblemMark().getLine() + 1) + ")");
    } catch (YAMLException e) {
      throw new IllegalArgumentException(file + ": not valid YAML/JSON: " + e.getMessage().replace('\n', ' '));
    }
  }
}
