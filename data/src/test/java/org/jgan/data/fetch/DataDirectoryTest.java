package org.jgan.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the data lives when no flag says: JGAN_DATA, then the XDG cache, then ~/.cache. */
class DataDirectoryTest {
  @Test
  void jganDataWins() {
    assertEquals(Path.of("/data/sets"), DataDirectory.resolve(Map.of("JGAN_DATA", "/data/sets", "XDG_CACHE_HOME", "/xdg"),
        "/home/u"));
  }

  @Test
  void theXdgCacheComesNext() {
    assertEquals(Path.of("/xdg/jgan/datasets"), DataDirectory.resolve(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u"));
    assertEquals(Path.of("/xdg/jgan/datasets"), DataDirectory.resolve(Map.of("JGAN_DATA", " ", "XDG_CACHE_HOME", "/xdg"),
        "/home/u"), "a blank JGAN_DATA is unset");
  }

  @Test
  void otherwiseTheHomeCache() {
    assertEquals(Path.of("/home/u/.cache/jgan/datasets"), DataDirectory.resolve(Map.of(), "/home/u"));
    assertEquals(Path.of("/home/u/.cache/jgan/datasets"), DataDirectory.resolve(Map.of("XDG_CACHE_HOME", "relative/dir"),
        "/home/u"), "XDG says a relative cache home is ignored");
  }

  @Test
  void theFetchCommandNamesTheFolderUnlessItIsTheDefault() {
    assertEquals("jgan data fetch mnist", DataDirectory.fetchCommand("mnist", DataDirectory.resolve()));
    assertEquals("jgan data fetch fashion --to /elsewhere", DataDirectory.fetchCommand("fashion", Path.of("/elsewhere")));
    assertEquals("run 'jgan data fetch fashion --to /elsewhere' (or pass --data DIR / set JGAN_DATA to a folder holding"
        + " fashion-mnist/)", DataDirectory.fetchHint("fashion-mnist", Path.of("/elsewhere")));
  }
}
