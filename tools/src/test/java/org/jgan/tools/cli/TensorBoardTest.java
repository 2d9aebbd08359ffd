package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import javax.imageio.ImageIO;
import org.jgan.tools.cli.CliRunner.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.jgan.tools.run.TensorBoardListener;
import org.jgan.tools.figures.ScatterFigure;

/** {@code jgan train} writes TensorBoard event files that hold the logged losses and sample pictures. */
class TensorBoardTest {
  @TempDir
  Path dir;

  @Test
  void eventFileHoldsEveryLoggedMetricAndSamplePictures() throws Exception {
    Path out = dir.resolve("run");
    Outcome outcome = CliRunner.run("train", "--objective", "gan", "--steps", "12", "--width", "8", "--log-every", "4",
        "--checkpoint-every", "5", "--out", out.toString(), "--quiet");
    assertEquals(0, outcome.exitCode(), outcome.err());

    List<Event> events = readEvents(out.resolve("tensorboard"));
    Map<String, Float> scalars = new HashMap<>();
    Map<Long, BufferedImage> pictures = new HashMap<>();
    for (Event event : events) {
      for (Summary.Value value : event.getSummary().getValueList()) {
        if (value.hasImage()) {
          assertTrue(value.getTag().startsWith(TensorBoardListener.SAMPLES_TAG), value.getTag());
          BufferedImage image = ImageIO.read(new ByteArrayInputStream(value.getImage().getEncodedImageString().toByteArray()));
          assertNotNull(image, "the image summary holds a PNG");
          assertEquals(value.getImage().getWidth(), image.getWidth());
          pictures.put(event.getStep(), image);
        } else {
          scalars.put(value.getTag() + "@" + event.getStep(), value.getSimpleValue());
        }
      }
    }
    // Every line of the loss log appears as scalars with the same values at the same step.
    List<String> log = Files.readAllLines(out.resolve("log.jsonl"));
    assertEquals(3, log.size(), "steps 4, 8, 12");
    for (String line : log) {
      JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
      long step = entry.get("step").getAsLong();
      for (String tag : new TreeSet<>(entry.keySet())) {
        if (!tag.equals("step")) {
          Float logged = scalars.get(tag + "@" + step);
          assertNotNull(logged, tag + " at step " + step + " in " + scalars.keySet());
          assertEquals(entry.get(tag).getAsFloat(), logged, tag + " at step " + step);
        }
      }
    }
    assertTrue(scalars.containsKey("discriminator/loss@12") && scalars.containsKey("generator/loss@12"), scalars.keySet().toString());
    assertFalse(scalars.containsKey("generator/loss@3"), "scalars only at logged steps");
    assertTrue(scalars.containsKey("generator/learning_rate@12"), "learning rates are logged: " + scalars.keySet());
    float covered = scalars.get("eval/modes_covered@12");
    assertTrue(covered >= 0 && covered <= 8, "mode coverage logged with the picture: " + covered);
    assertEquals(java.util.Set.of(5L, 10L, 12L), pictures.keySet(), "pictures at checkpoint intervals and at the end");
    assertEquals(org.jgan.tools.figures.ScatterFigure.SIZE, pictures.get(12L).getWidth(), "the 2-D scatter chart");
  }

  @Test
  void noTensorBoardFlagWritesNoEvents() {
    Path out = dir.resolve("quiet");
    Outcome outcome = CliRunner.run("train", "--objective", "gan", "--steps", "2", "--width", "8", "--out",
        out.toString(), "--quiet", "--no-tensorboard");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(Files.exists(out.resolve("log.jsonl")));
    assertFalse(Files.exists(out.resolve("tensorboard")));
  }

  /** Reads every record of every event file under {@code logDir}, checking lengths and CRCs. */
  static List<Event> readEvents(Path logDir) throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(logDir)) {
      files = list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents")).toList();
    }
    assertEquals(1, files.size(), "one event file: " + files);
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(files.get(0))).order(ByteOrder.LITTLE_ENDIAN);
    List<Event> events = new ArrayList<>();
    while (bytes.hasRemaining()) {
      byte[] header = new byte[8];
      bytes.get(header);
      long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
      assertEquals(maskedCrc(header), bytes.getInt(), "length CRC");
      byte[] data = new byte[(int) length];
      bytes.get(data);
      assertEquals(maskedCrc(data), bytes.getInt(), "data CRC");
      events.add(Event.parseFrom(data));
    }
    assertTrue(events.get(0).hasFileVersion(), "the first record names the file version");
    return events;
  }

  private static int maskedCrc(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }
}
