package org.jgan.data.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch killed (SIGKILL) in the middle of a file: the partial bytes stay under the temporary
 * name only, nothing reports the dataset present, and the next fetch resumes with a Range request.
 */
class KilledFetchTest {
  private static final byte[] CONTENT = TestData.random(4_000_000, 11);
  private static final String SHA256 = TestData.hex("SHA-256", CONTENT);

  @TempDir
  Path data;

  /** The child process: fetches the one-file dataset {@code toyset} into args[0] from the mirror args[1]. */
  public static void main(String[] args) {
    KnownDataset set = new KnownDataset("toyset", "toyset", List.of(new RemoteFile("values.bin", Digest.sha256(args[2]))),
        List.of(), List.of(), "none");
    new DatasetFetcher(Path.of(args[0]), MirrorList.of(List.of(args[1]), null), new HttpDownloader(), DownloadProgress.QUIET)
        .fetch(set);
  }

  @Test
  void aKilledFetchLeavesNothingUnderTheFinalNameAndResumes() throws Exception {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    Path part = data.resolve("toyset/.values.bin.part");
    try (TestMirror mirror = new TestMirror()) {
      mirror.serve("toyset/values.bin", CONTENT).fault("toyset/values.bin", TestMirror.Fault.STALL_HALFWAY);
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), KilledFetchTest.class.getName(), data.toString(), mirror.url(), SHA256)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(part) && Files.size(part) >= CONTENT.length / 2) && System.nanoTime() < deadline) {
          assertTrue(child.isAlive(), "the fetch ended before it could be killed");
          Thread.sleep(50);
        }
        assertTrue(Files.size(part) >= CONTENT.length / 2, "the child never wrote half the file");
      } finally {
        child.destroyForcibly().waitFor();
      }

      assertFalse(Files.exists(data.resolve("toyset/values.bin")), "no partial file under the final name");
      assertEquals(DatasetStatus.State.MISSING, DatasetInspector.inspect(data, set).state());
      long kept = Files.size(part);

      mirror.fault("toyset/values.bin", TestMirror.Fault.NONE);
      new DatasetFetcher(data, MirrorList.of(List.of(mirror.url()), null), new HttpDownloader(), DownloadProgress.QUIET)
          .fetch(set);

      List<TestMirror.Request> requests = mirror.requests();
      assertEquals("bytes=" + kept + "-", requests.get(requests.size() - 1).range());
      assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
      assertEquals(DatasetStatus.State.VERIFIED, DatasetInspector.inspect(data, set).state());
    }
  }
}
