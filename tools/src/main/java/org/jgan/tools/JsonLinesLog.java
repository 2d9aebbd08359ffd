package org.jgan.tools;

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
  private static final Gson GSON = new Gson();
  private final Path file;
  private final BufferedWriter writer;

  /** Opens {@code file}, keeping existing lines whose step is at most {@code keepThroughStep}. */
  public JsonLinesLog(Path file, long keepThroughStep) throws IOException {
    List<String> kept = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
          if (entry.get("step").getAsLong() <= keepThroughStep) {
            kept.add(line);
          }
        } catch (RuntimeException e) {
          // A line cut short by a crash: everything after it is recomputed.
          break;
        }
      }
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".log", ".jsonl");
      Files.write(temp, kept, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    this.file = file;
    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
