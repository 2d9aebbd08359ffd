package org.jgan.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An experiment described in a YAML (or JSON) file: a grid of training settings times seeds, the
 * fixed settings, and the evaluation each run gets.
 *
 * <pre>
 * name: toy-coverage
 * description: every objective on 8 and 25 Gaussians
 * grid:                       # every combination of these train options
 *   objective: [gan-ns, wgan, wgan-gp]
 *   dataset: [toy8, toy25]
 * seeds: [1, 2, 3]
 * train: {steps: 2000}        # any jgan train option, without the dashes
 * eval: {metrics: [toy]}      # any jgan eval option; a value may also be a mapping by dataset:
 *                             #   classifier: {mnist: models/mnist-classifier, color-mnist: models/color-mnist-classifier}
 * quick: {train: {steps: 200}, seeds: [1, 2]}   # replaces sections for --quick
 * </pre>
 *
 * The file is checked whole before anything runs: an unknown key, a value of the wrong type or a
 * bad train setting is an error naming the file and the key. Defaults are the commands' own.
 */
record ExperimentFile(String name, String description, List<Cell> cells, Map<String, List<Object>> grid,
    List<Long> seeds) {

  /** One run of the grid: its folder name, its grid values and seed, and the arguments of its two commands. */
  record Cell(String id, Map<String, Object> settings, List<String> trainArgs, List<String> evalArgs) {
    /** {@code jgan train} for this cell into {@code runDir}, reading data from {@code dataDir} (null: $JGAN_DATA). */
    List<String> trainCommand(Path runDir, Path dataDir) {
      List<String> args = new ArrayList<>(List.of("train"));
      args.addAll(trainArgs);
      args.addAll(List.of("--out", runDir.toString()));
      return withData(args, dataDir);
    }

    /** {@code jgan eval} of the run in {@code runDir} with this cell's eval settings, written to {@code evalFile}. */
    List<String> evalCommand(Path runDir, Path evalFile, Path dataDir) {
      List<String> args = new ArrayList<>(List.of("eval", "--checkpoint", runDir.toString(), "--out", evalFile.toString()));
      args.addAll(evalArgs);
      return withData(args, dataDir);
    }

    private static List<String> withData(List<String> args, Path dataDir) {
      if (dataDir != null) {
        args.addAll(List.of("--data", dataDir.toString()));
      }
      return args;
    }
  }

  private static final Set<String> TOP_KEYS = Set.of("name", "description", "grid", "seeds", "train", "eval", "quick");
  private static final Set<String> QUICK_KEYS = Set.of("grid", "seeds", "train", "eval");
  /** Train options an experiment may not set: the runner owns them. */
  private static final Set<String> RUNNER_TRAIN_KEYS = Set.of("out", "resume", "quiet", "seed", "help", "version");
  private static final Set<String> RUNNER_EVAL_KEYS = Set.of("out", "checkpoint", "model", "npy", "png-dir", "help",
      "version", "dataset", "layout", "range");

  /** Reads and checks {@code file}; with {@code quick}, the file's {@code quick} sections replace their namesakes. */
  static ExperimentFile read(Path file, boolean quick) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": experiment file not found");
    }
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(file + ": not valid YAML/JSON: " + e.getMessage().replace('\n', ' '));
    }
    Map<String, Object> top = map(file, "the top level", root);
    checkKeys(file, "the top level", top.keySet(), TOP_KEYS);
    if (quick && top.containsKey("quick")) {
      Map<String, Object> overrides = map(file, "quick", top.get("quick"));
      checkKeys(file, "quick", overrides.keySet(), QUICK_KEYS);
      top = new LinkedHashMap<>(top);
      top.putAll(overrides);
    }
    String name = string(file, "name", top.get("name"));
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(file + ": 'name' must be a word of letters, digits, '.', '_' or '-', got " + name);
    }
    String description = top.containsKey("description") ? string(file, "description", top.get("description")) : "";
    List<Long> seeds = new ArrayList<>();
    for (Object seed : list(file, "seeds", top.getOrDefault("seeds", List.of(Defaults.SEED)))) {
      if (!(seed instanceof Integer || seed instanceof Long)) {
        throw new IllegalArgumentException(file + ": 'seeds' must hold integers, got " + seed);
      }
      seeds.add(((Number) seed).longValue());
    }
    Map<String, OptionSpec> trainOptions = options(new TrainCommand(), RUNNER_TRAIN_KEYS);
    Map<String, OptionSpec> evalOptions = options(new EvalCommand(), RUNNER_EVAL_KEYS);
    Map<String, Object> train = top.containsKey("train") ? map(file, "train", top.get("train")) : Map.of();
    Map<String, Object> eval = top.containsKey("eval") ? map(file, "eval", top.get("eval")) : Map.of();
    checkKeys(file, "train", train.keySet(), trainOptions.keySet());
    checkKeys(file, "eval", eval.keySet(), evalOptions.keySet());
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    Map<String, Object> gridSection = top.containsKey("grid") ? map(file, "grid", top.get("grid")) : Map.of();
    checkKeys(file, "grid", gridSection.keySet(), trainOptions.keySet());
    for (Map.Entry<String, Object> e : gridSection.entrySet()) {
      List<Object> values = list(file, "grid." + e.getKey(), e.getValue());
      if (values.isEmpty()) {
        throw new IllegalArgumentException(file + ": grid." + e.getKey() + " is empty");
      }
      if (train.containsKey(e.getKey())) {
        throw new IllegalArgumentException(file + ": '" + e.getKey() + "' is in both grid and train");
      }
      grid.put(e.getKey(), values);
    }
    if (!grid.containsKey("objective") && !train.containsKey("objective")) {
      throw new IllegalArgumentException(file + ": no objective: put 'objective' in grid or train");
    }
    List<Cell> cells = new ArrayList<>();
    for (Map<String, Object> point : product(grid)) {
      for (long seed : seeds) {
        Map<String, Object> settings = new LinkedHashMap<>(point);
        settings.put("seed", seed);
        Map<String, Object> trainValues = new LinkedHashMap<>(train);
        trainValues.putAll(point);
        List<String> trainArgs = arguments(file, "train", trainValues, trainOptions);
        trainArgs.add("--seed");
        trainArgs.add(Long.toString(seed));
        String dataset = String.valueOf(trainValues.getOrDefault("dataset", trainOptions.get("dataset").defaultValue()));
        cells.add(new Cell(cellId(settings), settings, trainArgs,
            arguments(file, "eval", forDataset(file, eval, dataset), evalOptions)));
      }
    }
    for (Cell cell : cells) {
      checkTrainArguments(file, cell);
    }
    return new ExperimentFile(name, description, cells, grid, seeds);
  }

  /**
   * The eval settings for one dataset: a value given as a mapping by dataset name (a classifier per
   * dataset, say) becomes that dataset's entry.
   */
  private static Map<String, Object> forDataset(Path file, Map<String, Object> eval, String dataset) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : eval.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map<?, ?> byDataset) {
        if (!byDataset.containsKey(dataset)) {
          throw new IllegalArgumentException(file + ": eval." + e.getKey() + " is given by dataset but has no entry for '"
              + dataset + "' (has: " + String.join(", ", byDataset.keySet().stream().map(String::valueOf).toList()) + ")");
        }
        value = byDataset.get(dataset);
      }
      resolved.put(e.getKey(), value);
    }
    return resolved;
  }

  /** Parses a cell's train arguments exactly as {@code jgan train} would and resolves them, so bad values fail now. */
  private static void checkTrainArguments(Path file, Cell cell) {
    List<String> args = new ArrayList<>(cell.trainArgs());
    args.add("--out");
    args.add("unused");
    TrainCommand command = new TrainCommand();
    CommandLine cli = new CommandLine(command);
    try {
      cli.parseArgs(args.toArray(String[]::new));
      command.resolve();
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(file + ": cell " + cell.id() + ": " + e.getMessage());
    }
  }

  private static String cellId(Map<String, Object> settings) {
    List<String> parts = new ArrayList<>();
    settings.forEach((k, v) -> parts.add(k + "-" + String.valueOf(v).replaceAll("[^A-Za-z0-9.]", "_")));
    return String.join("_", parts);
  }

  private static List<Map<String, Object>> product(Map<String, List<Object>> grid) {
    List<Map<String, Object>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> point : points) {
        for (Object value : axis.getValue()) {
          Map<String, Object> extended = new LinkedHashMap<>(point);
          extended.put(axis.getKey(), value);
          next.add(extended);
        }
      }
      points = next;
    }
    return points;
  }

  private static List<String> arguments(Path file, String section, Map<String, Object> values,
      Map<String, OptionSpec> options) {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      OptionSpec option = options.get(e.getKey());
      Object value = e.getValue();
      Class<?> type = option.type();
      if (type == boolean.class || type == Boolean.class) {
        if (!(value instanceof Boolean)) {
          throw typeError(file, section, e.getKey(), "true or false", value);
        }
        if ((Boolean) value) {
          args.add("--" + e.getKey());
        }
        continue;
      }
      if (List.class.isAssignableFrom(type)) {
        List<Object> items = value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
        args.add("--" + e.getKey());
        args.add(String.join(",", items.stream().map(String::valueOf).toList()));
        continue;
      }
      boolean integral = type == int.class || type == Integer.class || type == long.class || type == Long.class;
      boolean real = type == float.class || type == Float.class || type == double.class || type == Double.class;
      if (integral && !(value instanceof Integer || value instanceof Long)) {
        throw typeError(file, section, e.getKey(), "an integer", value);
      }
      if (real && !(value instanceof Number)) {
        throw typeError(file, section, e.getKey(), "a number", value);
      }
      if (!integral && !real && (value instanceof Map || value instanceof List)) {
        throw typeError(file, section, e.getKey(), "a single value", value);
      }
      args.add("--" + e.getKey());
      args.add(String.valueOf(value));
    }
    return args;
  }

  private static IllegalArgumentException typeError(Path file, String section, String key, String expected, Object value) {
    return new IllegalArgumentException(file + ": " + section + "." + key + " must be " + expected + ", got '" + value + "'");
  }

  private static Map<String, OptionSpec> options(Object command, Set<String> excluded) {
    Map<String, OptionSpec> byKey = new LinkedHashMap<>();
    for (OptionSpec option : new CommandLine(command).getCommandSpec().options()) {
      String key = option.longestName().replaceFirst("^--", "");
      if (!excluded.contains(key)) {
        byKey.put(key, option);
      }
    }
    return byKey;
  }

  private static void checkKeys(Path file, String where, Set<String> keys, Set<String> known) {
    for (String key : keys) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(file + ": unknown key '" + key + "' in " + where + " (known: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Path file, String where, Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(file + ": " + where + " must be a mapping of keys to values, got '" + value + "'");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
      result.put(String.valueOf(e.getKey()), e.getValue());
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Path file, String where, Object value) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException(file + ": '" + where + "' must be a list, got '" + value + "'");
    }
    return (List<Object>) value;
  }

  private static String string(Path file, String where, Object value) {
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException(file + ": '" + where + "' must be text, got '" + value + "'");
    }
    return (String) value;
  }
}
