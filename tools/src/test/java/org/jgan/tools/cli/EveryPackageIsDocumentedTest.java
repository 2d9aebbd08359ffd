package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every jgan package says what it is for: a package with Java sources in any module's main tree
 * has a package-info.java (the doclint step of {@code mvn verify} checks that its links resolve).
 */
class EveryPackageIsDocumentedTest {
  private static final List<String> MODULES = List.of("data", "graphs", "losses", "eval", "training", "tools",
      "examples");

  @Test
  void everyPackageWithSourcesHasAPackageInfo() throws IOException {
    // Surefire runs in the module's folder; the other modules are its siblings.
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> undocumented = new ArrayList<>();
    int packages = 0;
    for (String module : MODULES) {
      Path sources = root.resolve(module).resolve("src/main/java/org/jgan");
      assertTrue(Files.isDirectory(sources), "no sources at " + sources);
      try (Stream<Path> folders = Files.walk(sources)) {
        for (Path folder : folders.filter(Files::isDirectory).toList()) {
          if (hasJavaSources(folder)) {
            packages++;
            if (!Files.exists(folder.resolve("package-info.java"))) {
              undocumented.add(root.relativize(folder));
            }
          }
        }
      }
    }
    assertTrue(packages >= MODULES.size(), "found only " + packages + " packages");
    assertEquals(List.of(), undocumented, "packages without a package-info.java");
  }

  private static boolean hasJavaSources(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".java")
          && !f.getFileName().toString().equals("package-info.java"));
    }
  }
}
