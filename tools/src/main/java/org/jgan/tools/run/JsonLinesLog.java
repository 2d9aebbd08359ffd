package org.jgan.tools.run;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jgan.graphs.AtomicFiles;

/**
 * The per-step loss log, one JSON object per line: {"step": N, "critic/loss": ..., ...}. Opened
 * for a resumed run it drops the lines after the restored step, which the run recomputes.
 */
public final class JsonLinesLog implements AutoCloseable {
  /** A run folder's log: one JSON object per logged step. */
  public static final String FILE = "log.jsonl";

  /** How much of a log's end {@link #lastStep} reads: many entries, however wide. */
  static final int TAIL_BYTES = 64 * 1024;

  private static final Gson GSON = new Gson();
  private final Path file;
  private final BufferedWriter writer;

  /**
   * Opens {@code file}, keeping existing lines whose step is at most {@code keepThroughStep}. A line
   * that is not a log entry is dropped when no kept line follows it (a line torn by a crash, in the
   * part the run recomputes); before a kept line it is refused, naming the file and line, because
   * the run would go on with a hole in its log.
   */
  public JsonLinesLog(Path file, long keepThroughStep) throws IOException {
    if (Files.exists(file)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> kept = new ArrayList<>();
      int firstBad = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        Long step = step(line);
        if (step == null) {
          firstBad = firstBad == 0 ? i + 1 : firstBad;
        } else if (step <= keepThroughStep) {
          if (firstBad != 0) {
            throw new IllegalArgumentException(file + ": line " + firstBad + " is not a log entry but comes before step "
                + keepThroughStep + ", where the run resumes: repair or remove that line");
          }
          kept.add(line);
        }
      }
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".log", ".jsonl");
      Files.write(temp, kept, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    this.file = file;
    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * The step of the last whole entry of the log {@code file}, read from its end (a long run's log need
   * not be read whole); empty when the file is missing or no entry ends in its last
   * 64 KiB ({@code TAIL_BYTES}). A line being written (no newline yet) is not an entry.
   */
  public static OptionalLong lastStep(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return OptionalLong.empty();
    }
    byte[] tail;
    try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long start = Math.max(0, size - TAIL_BYTES);
      ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
      channel.position(start);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read until the buffer is full or the file ends
      }
      tail = java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }
    String text = new String(tail, StandardCharsets.UTF_8);
    String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      Long step = step(lines[i]);
      if (step != null) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The step of a log line, or null when the line is not a JSON object with a numeric step. */
  private static Long step(String line) {
    try {
      JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
      return entry.get("step").getAsLong();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Appends one line for {@code step}. */
  public void append(long step, Map<String, Float> metrics) throws IOException {
    JsonObject entry = new JsonObject();
    entry.addProperty("step", step);
    metrics.forEach(entry::addProperty);
    try {
      writer.write(GSON.toJson(entry));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw AtomicFiles.failure("cannot append to", file, e);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
