package org.jgan.data.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset shipped as one archive checked by MD5, as CIFAR-10 is: a tiny generated tar.gz with an
 * injected catalogue entry stands in for the real 163 MB archive.
 */
class ArchiveFetchTest {
  private static final Map<String, byte[]> MEMBERS = new LinkedHashMap<>();

  static {
    MEMBERS.put("data_batch_1.bin", TestData.random(3073 * 3, 1));
    MEMBERS.put("test_batch.bin", TestData.random(3073 * 2, 2));
    MEMBERS.put("batches.meta.txt", "airplane\nautomobile\n".getBytes());
    MEMBERS.put("readme.html", "<p>not kept</p>".getBytes());
  }

  @TempDir
  Path data;

  private static KnownDataset cifarLike(byte[] archive, String mirror) {
    return new KnownDataset("cifar10", "cifar10",
        List.of(new RemoteFile("cifar-10-binary.tar.gz", Digest.md5(TestData.hex("MD5", archive)))), List.of(mirror),
        List.of("data_batch_1.bin", "test_batch.bin", "batches.meta.txt"), null);
  }

  @Test
  void extractsTheWantedMembersOfAnArchiveVerifiedByMd5() throws IOException {
    byte[] archive = TestData.tarGz("cifar-10-batches-bin", MEMBERS);
    try (TestMirror mirror = new TestMirror()) {
      mirror.serve("cifar-10-binary.tar.gz", archive);
      KnownDataset set = cifarLike(archive, mirror.url());

      new DatasetFetcher(data, MirrorList.of(List.of(), null), new HttpDownloader(), DownloadProgress.QUIET).fetch(set);

      Path folder = data.resolve("cifar10");
      for (String kept : set.extracted()) {
        assertArrayEquals(MEMBERS.get(kept), Files.readAllBytes(folder.resolve(kept)), kept);
      }
      assertFalse(Files.exists(folder.resolve("readme.html")), "members not asked for stay in the archive");
      assertFalse(Files.exists(folder.resolve("cifar-10-binary.tar.gz")), "the archive is removed once extracted");
      DatasetStatus status = DatasetInspector.inspect(data, set);
      assertEquals(DatasetStatus.State.VERIFIED, status.state(), status.problems().toString());
      assertEquals(List.of(mirror.url()), status.sources());

      // The members' recorded SHA-256 catches a later corruption.
      byte[] damaged = MEMBERS.get("test_batch.bin").clone();
      damaged[10] ^= 1;
      Files.write(folder.resolve("test_batch.bin"), damaged);
      DatasetStatus after = DatasetInspector.inspect(data, set);
      assertEquals(DatasetStatus.State.CORRUPT, after.state());
      assertEquals(List.of(folder.resolve("test_batch.bin")), after.corruptFiles());
    }
  }

  @Test
  void anArchiveWithTheWrongMd5IsRefusedBeforeAnythingIsExtracted() throws IOException {
    byte[] archive = TestData.tarGz("cifar-10-batches-bin", MEMBERS);
    byte[] other = TestData.tarGz("cifar-10-batches-bin", Map.of("data_batch_1.bin", new byte[10]));
    try (TestMirror mirror = new TestMirror()) {
      mirror.serve("cifar-10-binary.tar.gz", other);
      KnownDataset set = cifarLike(archive, mirror.url());

      DataException error = assertThrows(DataException.class, () -> new DatasetFetcher(data,
          MirrorList.of(List.of(), null), new HttpDownloader(), DownloadProgress.QUIET).fetch(set));

      assertTrue(error.getMessage().contains("MD5 is " + TestData.hex("MD5", other)), error.getMessage());
      assertFalse(Files.exists(data.resolve("cifar10/data_batch_1.bin")));
    }
  }
}
