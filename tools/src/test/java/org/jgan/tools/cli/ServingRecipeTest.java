package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.jgan.training.export.ExportedModel;

/**
 * The README's TensorFlow Serving recipe, run without the server: its two REST request bodies,
 * read from the README, fed by signature name to the exported version folder; and z of the wrong
 * shape named by the input before anything runs.
 */
class ServingRecipeTest {
  /** A request body in the README: {@code -d '{...}'}. */
  private static final Pattern REQUEST = Pattern.compile("-d '(\\{\"signature_name\".*\\})'");

  @TempDir
  static Path dir;

  static Path base;

  @BeforeAll
  static void trainAndExport() {
    base = dir.resolve("toy8");
    CliRunner.trainAndExport(dir.resolve("run"), base);
  }

  @Test
  void bothReadmeRequestsAnswerFromTheVersionFolderTheServerLoads() throws Exception {
    List<JsonObject> requests = readmeRequests();
    assertEquals(List.of("serving_default", "generate"),
        requests.stream().map(r -> r.get("signature_name").getAsString()).toList());
    assertTrue(readme().contains("--model_base_path=/abs/path/models/toy8"), "the server command line");
    try (SavedModelBundle bundle = SavedModelBundle.load(base.resolve("1").toString(), "serve")) {
      for (JsonObject request : requests) {
        JsonObject inputs = request.getAsJsonObject("inputs");
        Map<String, Tensor> feeds = new HashMap<>();
        try {
          for (String name : inputs.keySet()) {
            feeds.put(name, tensor(name, inputs.get(name)));
          }
          try (Result result = bundle.function(request.get("signature_name").getAsString()).call(feeds)) {
            assertEquals(java.util.Set.of("images"), result.keySet(), "one output: the server answers its value");
            long rows = inputs.has("count") ? inputs.get("count").getAsLong() : inputs.getAsJsonArray("z").size();
            assertArrayEquals(new long[] {rows, 2}, result.get("images").orElseThrow().shape().asArray());
          }
        } finally {
          feeds.values().forEach(Tensor::close);
        }
      }
    }
  }

  @Test
  void aWrongShapedZIsNamedByTheInputBeforeAnythingRuns() throws Exception {
    try (ExportedModel model = ExportedModel.open(base)) {
      assertEquals(base.resolve("1"), model.folder());
      IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
          () -> model.generate(new float[15], 5, 3));
      assertEquals("input z: expected shape [-1, 2], got [5, 3]", wrongWidth.getMessage());
      IllegalArgumentException flat = assertThrows(IllegalArgumentException.class, () -> model.generate(new float[4], 4));
      assertEquals("input z: expected shape [-1, 2], got [4]", flat.getMessage());
      IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class,
          () -> model.generate(new float[6], 5, 2));
      assertEquals("input z: expected shape [-1, 2], got [5, 2] (but 6 values were given)", short_.getMessage());

      float[] z = {0.5f, -1f, 1.5f, 0.25f};
      try (SavedModelBundle bundle = SavedModelBundle.load(base.resolve("1").toString(), "serve");
          TFloat32 zt = Tensors.floats(z, 2, 2);
          Result direct = bundle.call(Map.of("z", zt))) {
        assertArrayEquals(Tensors.toFloats(direct.get("images").orElseThrow()), model.generate(z, 2, 2).get("images"));
      }
    }
  }

  private static Tensor tensor(String name, JsonElement value) {
    switch (name) {
      case "count":
        return TInt32.scalarOf(value.getAsInt());
      case "seed":
        return TInt64.scalarOf(value.getAsLong());
      case "z":
        JsonArray rows = value.getAsJsonArray();
        int width = rows.get(0).getAsJsonArray().size();
        float[] z = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
          for (int j = 0; j < width; j++) {
            z[i * width + j] = rows.get(i).getAsJsonArray().get(j).getAsFloat();
          }
        }
        return Tensors.floats(z, rows.size(), width);
      default:
        throw new AssertionError("the README feeds an input no signature has: " + name);
    }
  }

  private static List<JsonObject> readmeRequests() throws Exception {
    Matcher m = REQUEST.matcher(readme());
    List<JsonObject> requests = new java.util.ArrayList<>();
    while (m.find()) {
      requests.add(JsonParser.parseString(m.group(1)).getAsJsonObject());
    }
    return requests;
  }

  private static String readme() throws Exception {
    // Tests run in the module folder; the README is the project's.
    return Files.readString(Path.of("..", "README.md"));
  }
}
