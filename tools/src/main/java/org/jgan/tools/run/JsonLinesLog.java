package org.jgan.tools.run;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.AtomicFiles;

/**
 * The per-step loss log, one JSON object per line: {"step": N, "critic/loss": ..., ...}. Opened
 * for a resumed run it drops the lines after the restored step, which the run recomputes.
 */
public final class JsonLinesLog implements AutoCloseable {
  /** A run folder's log: one JSON object per logged step. */
  public static final String FILE = "log.jsonl";

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
