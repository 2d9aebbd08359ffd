package org.jgan.graphs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a folder that one writer owns (a training run, an experiment): the
 * operating system's lock on {@value #FILE} inside it, which holds the owner's process id on its
 * first line and, where Linux's {@code /proc} gives it, the owner's start time in clock ticks since
 * boot on its second (what tells the owner from a later process given the same id). The
 * lock is released by {@link #close()} or when the owning process ends, however it ends, so a lock
 * file left by a crashed process is stale and blocks nobody. Readers need no lock. The holding
 * process must not open the lock file itself: on Linux, closing any descriptor of a file drops
 * every lock the process holds on it.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name inside the locked folder. */
  public static final String FILE = ".jgan.lock";

  /**
   * Folders locked by this JVM. Checked before the file is opened because a second channel on a
   * locked file must not be closed: on Linux closing any descriptor of a file drops every lock this
   * process holds on it.
   */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  /**
   * How much later than its lock file's last write a process may seem to have started and still be
   * its holder: start times are estimated from the boot time, which Linux gives in whole seconds.
   */
  private static final Duration START_TIME_SLACK = Duration.ofSeconds(2);

  /** Where Linux gives a process's state; field 22 of its {@code stat} is its start in clock ticks since boot. */
  private static final Path PROC = Path.of("/proc");

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** Thrown when another process, or another command in this JVM, holds the lock. */
  public static final class HeldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path folder;
    private final String holder;

    HeldException(Path folder, String holder) {
      super(folder + " is locked by another jgan command (pid " + holder + "; lock file " + folder.resolve(FILE)
          + "): wait for it to end or stop it");
      this.folder = folder;
      this.holder = holder;
    }

    /** The locked folder. */
    public Path folder() {
      return folder;
    }

    /** The holder's process id as its lock file gives it, or "unknown". */
    public String holder() {
      return holder;
    }
  }

  /**
   * Creates {@code folder} if needed and locks it for this process.
   *
   * @throws HeldException if another process or another caller in this JVM holds the lock
   */
  public static FolderLock acquire(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path key = folder.toRealPath();
    String self = Long.toString(ProcessHandle.current().pid());
    if (!HELD_HERE.add(key)) {
      throw new HeldException(folder, self);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Locked in this JVM by code that bypassed this class; the channel is closed only at exit.
        throw new HeldException(folder, self);
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw new HeldException(folder, holder);
      }
      channel.truncate(0);
      String started = startTicks(ProcessHandle.current().pid()).map(ticks -> ticks + "\n").orElse("");
      channel.write(ByteBuffer.wrap((self + "\n" + started).getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new FolderLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(key);
      if (channel != null && !(e instanceof HeldException)) {
        channel.close();
      }
      throw e;
    }
  }

  /**
   * The process that holds {@code folder}'s lock, read without taking it, for reports: the id in its
   * lock file while that process lives; empty when there is no lock file, it is empty (released), its
   * process has ended (a crash), or the living process of that id is not the one that wrote it (the
   * id reused by the system after a crash). Which process wrote it is told by the start in clock ticks
   * since boot that the file records: a start in wall-clock time is estimated from the boot time,
   * which moves by seconds or more when the system clock is stepped or a virtual machine restored, and
   * a living holder would then read as a reused id. A file without that line (an older build's, or
   * where there is no {@code /proc}) falls back to the estimate: the process must not have started
   * after the file's last write. Nothing to decide a write on: the holder may change right after.
   */
  public static OptionalLong liveHolder(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return OptionalLong.empty();
    }
    if (HELD_HERE.contains(folder.toRealPath())) {
      // Opening the file here would drop this process's own lock when closed.
      return OptionalLong.of(ProcessHandle.current().pid());
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d{1,18}")) {
      return OptionalLong.empty();
    }
    long pid = Long.parseLong(lines.get(0).trim());
    Optional<ProcessHandle> alive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (alive.isEmpty()) {
      return OptionalLong.empty();
    }
    Optional<String> recorded = lines.size() > 1 && lines.get(1).trim().matches("\\d{1,20}")
        ? Optional.of(lines.get(1).trim()) : Optional.empty();
    Optional<String> started = startTicks(pid);
    boolean writer;
    if (recorded.isPresent() && started.isPresent()) {
      writer = recorded.get().equals(started.get());
    } else {
      Instant written = Files.getLastModifiedTime(file).toInstant();
      writer = alive.get().info().startInstant().map(start -> !start.isAfter(written.plus(START_TIME_SLACK)))
          .orElse(true);
    }
    return writer ? OptionalLong.of(pid) : OptionalLong.empty();
  }

  /** Process {@code pid}'s start in clock ticks since boot, from Linux's /proc; empty elsewhere or once it has ended. */
  static Optional<String> startTicks(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
      // The command name, field 2, is in parentheses and may hold spaces: fields 3 on follow the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
      return fields.length > 19 && fields[19].matches("\\d+") ? Optional.of(fields[19]) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    String pid = text.split("\\s+", 2)[0];
    return pid.matches("\\d+") ? pid : "unknown";
  }

  /**
   * Releases the lock. The file stays (empty): deleting it would let a process that opened it just
   * before lock a file no longer in the folder while a third one locks a new file.
   */
  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
      HELD_HERE.remove(key);
    }
  }
}
