package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorCacheTest {
  @TempDir
  Path caches;

  private void cache(int index, String level, String type, String size) throws IOException {
    Path folder = Files.createDirectories(caches.resolve("index" + index));
    Files.writeString(folder.resolve("level"), level + "\n");
    Files.writeString(folder.resolve("type"), type + "\n");
    Files.writeString(folder.resolve("size"), size + "\n");
  }

  @Test
  void sizesInSysfsUnits() {
    assertEquals(2048L * 1024, ProcessorCache.parseSize("2048K"));
    assertEquals(4L * 1024 * 1024, ProcessorCache.parseSize("4M\n"));
    assertEquals(512, ProcessorCache.parseSize("512"));
    assertThrows(NumberFormatException.class, () -> ProcessorCache.parseSize("big"));
  }

  @Test
  void theLevelTwoDataCacheIsFound() throws IOException {
    // As an Intel Xeon's first core lists them: L1 data and instruction, L2, L3.
    cache(0, "1", "Data", "48K");
    cache(1, "1", "Instruction", "64K");
    cache(2, "2", "Unified", "2048K");
    cache(3, "3", "Unified", "491520K");
    assertEquals(OptionalLong.of(2048L * 1024), ProcessorCache.l2Bytes(caches));
  }

  @Test
  void unknownWhereTheSystemDoesNotSay() throws IOException {
    assertEquals(OptionalLong.empty(), ProcessorCache.l2Bytes(caches.resolve("absent")));
    cache(0, "1", "Data", "32K");
    assertEquals(OptionalLong.empty(), ProcessorCache.l2Bytes(caches), "no level-2 cache listed");
    cache(1, "2", "Unified", "lots");
    assertEquals(OptionalLong.empty(), ProcessorCache.l2Bytes(caches), "an unreadable size");
  }

  @Test
  void thisMachinesReadingIsASize() {
    ProcessorCache.l2Bytes().ifPresent(bytes -> assertTrue(bytes >= 1024, "L2 of " + bytes + " bytes"));
  }
}
