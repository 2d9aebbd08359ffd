package org.jgan.data.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jgan.data.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching from mirrors on 127.0.0.1: verification, corrupt copies, resumed downloads, mirror fallback. */
class DatasetFetcherTest {
  private static final byte[] CONTENT = TestData.random(300_000, 7);
  /** Short waits: a silent mirror must be given up in about a second. */
  private static final HttpDownloader QUICK = new HttpDownloader(Duration.ofSeconds(2), Duration.ofMillis(800));

  @TempDir
  Path data;

  private TestMirror mirror;

  @BeforeEach
  void startMirror() throws IOException {
    mirror = new TestMirror();
  }

  @AfterEach
  void stopMirror() {
    mirror.close();
  }

  private DatasetFetcher fetcher(List<String> userMirrors) {
    return new DatasetFetcher(data, MirrorList.of(userMirrors, null), QUICK, DownloadProgress.QUIET);
  }

  @Test
  void fetchesVerifiesAndRecordsTheSource() throws IOException {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    mirror.serve("toyset/values.bin", CONTENT);

    DatasetFetcher.Outcome outcome = fetcher(List.of(mirror.url())).fetch(set);

    assertEquals(1, outcome.downloaded());
    assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
    DatasetStatus status = DatasetInspector.inspect(data, set);
    assertEquals(DatasetStatus.State.VERIFIED, status.state());
    assertEquals(List.of(mirror.url() + "toyset/"), status.sources());
    assertEquals(CONTENT.length, status.bytes());
    assertEquals(List.of(), leftovers(), "no temporary file survives a completed fetch");

    int before = mirror.requests().size();
    assertEquals(1, fetcher(List.of(mirror.url())).fetch(set).alreadyPresent());
    assertEquals(before, mirror.requests().size(), "a verified file is not downloaded again");
  }

  @Test
  void corruptCopyIsRefusedAndDeletedNamingBothDigests() {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    byte[] corrupt = CONTENT.clone();
    corrupt[1234] ^= 1;
    mirror.serve("toyset/values.bin", corrupt);

    DataException error = assertThrows(DataException.class, () -> fetcher(List.of(mirror.url())).fetch(set));

    assertTrue(error.getMessage().contains("toyset/values.bin"), error.getMessage());
    assertTrue(error.getMessage().contains("expected " + TestData.hex("SHA-256", CONTENT)), error.getMessage());
    assertTrue(error.getMessage().contains(TestData.hex("SHA-256", corrupt) + ", expected"), error.getMessage());
    assertFalse(Files.exists(data.resolve("toyset/values.bin")));
    assertEquals(List.of(), leftovers(), "the corrupt download is deleted");
  }

  @Test
  void resumesWithARangeRequestAfterTheConnectionDrops() throws IOException {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    mirror.serve("toyset/values.bin", CONTENT).fault("toyset/values.bin", TestMirror.Fault.DROP_HALFWAY_ONCE);

    fetcher(List.of(mirror.url())).fetch(set);

    assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
    List<TestMirror.Request> requests = mirror.requests();
    assertEquals(2, requests.size(), requests.toString());
    assertEquals(null, requests.get(0).range());
    assertEquals("bytes=" + CONTENT.length / 2 + "-", requests.get(1).range(), "the retry asks only for the rest");
  }

  @Test
  void aServerWithoutRangeSupportSendsTheWholeFileAgain() throws IOException {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    mirror.serve("toyset/values.bin", CONTENT).withoutRangeSupport()
        .fault("toyset/values.bin", TestMirror.Fault.DROP_HALFWAY_ONCE);

    fetcher(List.of(mirror.url())).fetch(set);

    assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")), "200 replaces the partial file");
    assertEquals("bytes=" + CONTENT.length / 2 + "-", mirror.requests().get(1).range());
  }

  @Test
  void fallsBackToTheNextMirrorOn404() throws IOException {
    try (TestMirror second = new TestMirror()) {
      second.serve("values.bin", CONTENT);
      KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of(second.url()));

      fetcher(List.of(mirror.url())).fetch(set);

      assertEquals("/toyset/values.bin", mirror.requests().get(0).path(), "the user's mirror is tried first");
      assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
      assertEquals(List.of(second.url()), DatasetInspector.inspect(data, set).sources());
    }
  }

  @Test
  void fallsBackToTheNextMirrorWhenOneNeverAnswers() throws IOException {
    try (TestMirror second = new TestMirror()) {
      mirror.serve("toyset/values.bin", CONTENT).fault("toyset/values.bin", TestMirror.Fault.NEVER_ANSWER);
      second.serve("values.bin", CONTENT);
      KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of(second.url()));

      fetcher(List.of(mirror.url())).fetch(set);

      assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
      assertEquals(1, mirror.requests().size(), "a timed-out mirror is given up, not retried");
    }
  }

  @Test
  void everyMirrorFailingNamesEachReason() {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());

    FetchException error = assertThrows(FetchException.class, () -> fetcher(List.of(mirror.url())).fetch(set));

    assertTrue(error.getMessage().startsWith("toyset/values.bin: no mirror delivered it"), error.getMessage());
    assertTrue(error.getMessage().contains(mirror.url() + "toyset/values.bin: HTTP 404"), error.getMessage());
  }

  @Test
  void aDatasetWithoutPublicMirrorNeedsTheUsers() {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> fetcher(List.of()).fetch(set));

    assertTrue(error.getMessage().contains("--mirror URL or set JGAN_MIRRORS"), error.getMessage());
    assertTrue(mirror.requests().isEmpty());
  }

  @Test
  void aPartialDownloadIsNeverPresentAndIsResumedByTheNextFetch() throws IOException {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    mirror.serve("toyset/values.bin", CONTENT);
    // What a killed fetch leaves: the first bytes under the temporary name, and the URL they came from.
    Path part = data.resolve("toyset/.values.bin.part");
    Files.createDirectories(part.getParent());
    Files.write(part, java.util.Arrays.copyOf(CONTENT, 1000));
    Files.writeString(part.resolveSibling(".values.bin.part.source"), mirror.url() + "toyset/values.bin");

    assertEquals(DatasetStatus.State.MISSING, DatasetInspector.inspect(data, set).state());
    fetcher(List.of(mirror.url())).fetch(set);

    assertEquals("bytes=1000-", mirror.requests().get(0).range());
    assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
  }

  @Test
  void aPartialDownloadFromAnotherMirrorIsStartedAfresh() throws IOException {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    mirror.serve("toyset/values.bin", CONTENT);
    Path part = data.resolve("toyset/.values.bin.part");
    Files.createDirectories(part.getParent());
    Files.write(part, new byte[1000]); // other mirrors compress differently: these bytes cannot be continued
    Files.writeString(part.resolveSibling(".values.bin.part.source"), "http://127.0.0.1:9/elsewhere");

    fetcher(List.of(mirror.url())).fetch(set);

    assertEquals(null, mirror.requests().get(0).range());
    assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
  }

  @Test
  void aPartialDownloadSurvivesAMirrorThatFailsBeforeAnswering() throws IOException {
    try (TestMirror empty = new TestMirror()) {
      mirror.serve("values.bin", CONTENT);
      KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of(mirror.url()));
      Path part = data.resolve("toyset/.values.bin.part");
      Files.createDirectories(part.getParent());
      Files.write(part, java.util.Arrays.copyOf(CONTENT, 1000));
      Files.writeString(part.resolveSibling(".values.bin.part.source"), mirror.url() + "values.bin");

      fetcher(List.of(empty.url())).fetch(set);

      assertEquals("/toyset/values.bin", empty.requests().get(0).path(), "the user's mirror answered 404 first");
      assertEquals("bytes=1000-", mirror.requests().get(0).range(), "the bytes from the public mirror were kept");
      assertArrayEquals(CONTENT, Files.readAllBytes(data.resolve("toyset/values.bin")));
    }
  }

  @Test
  void aSecondFetchIntoTheSameFolderIsRefused() throws IOException {
    KnownDataset set = TestData.plain("toyset", "values.bin", CONTENT, List.of());
    mirror.serve("toyset/values.bin", CONTENT);
    Files.createDirectories(data.resolve("toyset"));
    try (FileChannel channel = FileChannel.open(data.resolve("toyset").resolve(DatasetFetcher.LOCK_NAME),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      FetchException error = assertThrows(FetchException.class, () -> fetcher(List.of(mirror.url())).fetch(set));
      assertTrue(error.getMessage().contains("another jgan data fetch is writing here"), error.getMessage());
      assertTrue(mirror.requests().isEmpty());
    }
    fetcher(List.of(mirror.url())).fetch(set);
    assertEquals(DatasetStatus.State.VERIFIED, DatasetInspector.inspect(data, set).state());
  }

  private List<Path> leftovers() {
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(f -> f.getFileName().toString().startsWith("."))
          .filter(f -> !f.getFileName().toString().equals(DatasetFetcher.LOCK_NAME)).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
