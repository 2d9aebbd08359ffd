package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An event file that cannot be created (a full disk, say) fails naming the folder. */
class EventWriterTest {
  @TempDir
  Path dir;

  /** Before the fix the constructor closed the graph while its session held it, and waited for ever. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void anEventFileThatCannotBeCreatedFailsNamingTheFolderInsteadOfHanging() {
    Path logDir = dir.resolve("tensorboard");
    // A file name longer than any file system allows: TensorFlow cannot create the event file.
    IOException e = assertThrows(IOException.class, () -> new EventWriter(logDir, "x".repeat(300)));
    assertTrue(e.getMessage().startsWith("cannot open an event file in " + logDir + ": "), e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
  }
}
