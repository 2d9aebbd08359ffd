package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per folder: a second locker, in this JVM or another process, is refused with the
 * holder's process id; a lock file a dead process left behind blocks nobody.
 */
class FolderLockTest {
  private static final String SELF = Long.toString(ProcessHandle.current().pid());

  @TempDir
  Path dir;

  @Test
  void aSecondLockerIsRefusedUntilTheFirstReleases() throws Exception {
    Path run = dir.resolve("run");
    try (FolderLock held = FolderLock.acquire(run)) {
      FolderLock.HeldException refused = assertThrows(FolderLock.HeldException.class, () -> FolderLock.acquire(run));
      assertEquals(SELF, refused.holder());
      assertTrue(refused.getMessage().contains(run.toString()) && refused.getMessage().contains("pid " + SELF),
          refused.getMessage());
      // The refusal above must not have dropped this process's operating-system lock.
      Probe other = Probe.run(run);
      assertEquals(Probe.HELD, other.exitCode(), other.output());
      assertTrue(other.output().contains("pid " + SELF), other.output());
    }
    try (FolderLock again = FolderLock.acquire(run)) {
      assertEquals(Probe.ACQUIRED, Probe.run(dir.resolve("elsewhere")).exitCode());
    }
    assertEquals(Probe.ACQUIRED, Probe.run(run).exitCode());
  }

  @Test
  void aLockFileLeftByADeadProcessDoesNotBlock() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve(FolderLock.FILE), "999999999\n");
    try (FolderLock lock = FolderLock.acquire(run)) {
      // Read from another process: closing a descriptor of the file here would drop the lock.
      Probe other = Probe.run(run);
      assertEquals(Probe.HELD, other.exitCode(), other.output());
      assertTrue(other.output().contains("pid " + SELF), other.output());
    }
  }

  @Test
  void liveHolderNamesALivingHolderOnlyAndKeepsTheLock() throws Exception {
    Path run = dir.resolve("run");
    assertEquals(java.util.OptionalLong.empty(), FolderLock.liveHolder(run), "no folder");
    try (FolderLock lock = FolderLock.acquire(run)) {
      assertEquals(java.util.OptionalLong.of(ProcessHandle.current().pid()), FolderLock.liveHolder(run));
      // Asking must not have released this process's lock: another process is still refused.
      assertEquals(Probe.HELD, Probe.run(run).exitCode());
    }
    assertEquals(java.util.OptionalLong.empty(), FolderLock.liveHolder(run), "released: the file is empty");
    Files.writeString(run.resolve(FolderLock.FILE), "999999999\n");
    assertEquals(java.util.OptionalLong.empty(), FolderLock.liveHolder(run), "a dead process's file");
    Process sleeper = new ProcessBuilder("sleep", "600").start();
    try {
      Files.writeString(run.resolve(FolderLock.FILE), sleeper.pid() + "\n");
      assertEquals(java.util.OptionalLong.of(sleeper.pid()), FolderLock.liveHolder(run), "another living process");
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
    assertEquals(java.util.OptionalLong.empty(), FolderLock.liveHolder(run), "that process ended");
  }

  @Test
  void aProcessStartedAfterTheLockFileWasWrittenIsNotItsHolder() throws Exception {
    // A crashed holder's id given by the system to a new process: the file names a living process,
    // but one that started an hour after the file's last write, so it cannot have written it.
    Path run = Files.createDirectories(dir.resolve("run"));
    Path file = run.resolve(FolderLock.FILE);
    Process newcomer = new ProcessBuilder("sleep", "600").start();
    try {
      Files.writeString(file, newcomer.pid() + "\n");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
      assertEquals(OptionalLong.empty(), FolderLock.liveHolder(run), "an id reused after a crash");
      // 1 s before its start, within the slack that start times read from the boot time need.
      Instant started = newcomer.info().startInstant().orElseThrow();
      Files.setLastModifiedTime(file, FileTime.from(started.minusSeconds(1)));
      assertEquals(OptionalLong.of(newcomer.pid()), FolderLock.liveHolder(run), "within the start times' slack");
      Files.setLastModifiedTime(file, FileTime.from(started.minusSeconds(10)));
      assertEquals(OptionalLong.empty(), FolderLock.liveHolder(run), "10 s before it started");
    } finally {
      newcomer.destroyForcibly().waitFor();
    }
  }

  @Test
  void theStartInClockTicksThatTheHolderRecordsTellsItFromAReusedIdWhateverTheClocksSay() throws Exception {
    assumeTrue(FolderLock.startTicks(ProcessHandle.current().pid()).isPresent(), "needs Linux's /proc");
    Path run = Files.createDirectories(dir.resolve("run"));
    Path file = run.resolve(FolderLock.FILE);
    try (FolderLock lock = FolderLock.acquire(run)) {
      long self = ProcessHandle.current().pid();
      assertEquals(List.of(Long.toString(self), FolderLock.startTicks(self).orElseThrow()),
          Files.readAllLines(file, StandardCharsets.US_ASCII), "the holder's id, then its start");
    }
    Process holder = new ProcessBuilder("sleep", "600").start();
    try {
      String ticks = FolderLock.startTicks(holder.pid()).orElseThrow();
      // Its own start, on a file last written an hour before that start by the wall clock (a clock
      // stepped, a virtual machine restored): still its holder.
      Files.writeString(file, holder.pid() + "\n" + ticks + "\n");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
      assertEquals(OptionalLong.of(holder.pid()), FolderLock.liveHolder(run), "the recorded start matches");
      // Another start under the same id, on a file written just now: an id reused, not the holder.
      Files.writeString(file, holder.pid() + "\n" + (Long.parseLong(ticks) - 1) + "\n");
      assertEquals(OptionalLong.empty(), FolderLock.liveHolder(run), "the recorded start differs");
    } finally {
      holder.destroyForcibly().waitFor();
    }
  }

  /** Another JVM trying the lock: exits {@link #ACQUIRED} or {@link #HELD} with the refusal on stdout. */
  record Probe(int exitCode, String output) {
    static final int ACQUIRED = 0;
    static final int HELD = 3;

    public static void main(String[] args) throws IOException {
      try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
        System.exit(ACQUIRED);
      } catch (FolderLock.HeldException e) {
        System.out.println(e.getMessage());
        System.exit(HELD);
      }
    }

    static Probe run(Path folder) throws Exception {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), Probe.class.getName(), folder.toString()).redirectErrorStream(true).start();
      try {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "lock probe did not end within 60 s");
        return new Probe(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
