package org.jgan.tools.experiment;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.StrictYaml;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.jgan.tools.cli.EvalCommand;
import org.jgan.tools.cli.TrainCommand;
import org.jgan.training.TrainingSettings;

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
 *                             # or a list of such grids, whose cells are united (options only some
 *                             #   objectives take: - {objective: [gan-ns], optimizer: [momentum]}
 *                             #                    - {objective: [ebgan], pt-weight: [0, 0.1]})
 * seeds: [1, 2, 3]
 * train: {steps: 2000}        # any jgan train option, without the dashes
 * eval: {metrics: [toy]}      # any jgan eval option; a value may also be a mapping by dataset:
 *                             #   classifier: {mnist: models/mnist-classifier, color-mnist: models/color-mnist-classifier}
 * quick: {train: {steps: 200}, seeds: [1, 2]}   # replaces sections for --quick
 * baselines:                  # cells beside the grid, each its own train options over 'train'
 *   - {objective: wgan-gp, samples-per-z: null}  # (null drops that 'train' option for this cell)
 * </pre>
 *
 * The file is checked whole before anything runs: an unknown or duplicate key, a value of the wrong
 * type, a grid value or seed given twice, no seeds, more than {@link #MAX_CELLS} cells, or a bad train
 * or eval setting (see {@link CellCheck}) is an error naming the file and the key. Defaults are the
 * commands' own.
 */
public record ExperimentFile(String name, String description, List<Cell> cells, Map<String, List<Object>> grid,
    List<Long> seeds) {

  /**
   * One run of the grid: its folder name, its grid values and seed, the arguments of its two commands,
   * its identity: the canonical text of everything its result depends on (see {@link CellIdentity}), and
   * its place among the whole file's cells (tables list rows in that order, whatever part of it ran).
   */
  record Cell(String id, Map<String, Object> settings, List<String> trainArgs, List<String> evalArgs,
      String identity, int order) {
    /** The SHA-256 of {@link #identity()}: a result is this cell's only if it records the same fingerprint. */
    String fingerprint() {
      return CellIdentity.fingerprint(identity);
    }

    /**
     * {@code jgan train} for this cell into {@code runDir}, reading data from {@code dataDir} (null:
     * train's own default, {@code DataDirectory}), as one of {@code concurrentRuns} runs sharing the
     * machine: unless the experiment sets {@code threads}, jgan train gives it its share of the
     * processors, or, resumed, the count it started with.
     */
    List<String> trainCommand(Path runDir, Path dataDir, int concurrentRuns) {
      List<String> args = new ArrayList<>(List.of("train"));
      args.addAll(trainArgs);
      args.addAll(List.of("--out", runDir.toString(), "--concurrent-runs", Integer.toString(concurrentRuns)));
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

  /** The most cells an experiment may have: a bigger grid is refused before it is expanded. */
  static final int MAX_CELLS = 10_000;
  private static final Set<String> TOP_KEYS = Set.of("name", "description", "grid", "seeds", "train", "eval", "quick",
      "baselines");
  private static final Set<String> QUICK_KEYS = Set.of("grid", "seeds", "train", "eval", "baselines");
  /** Train options an experiment may not set: the runner owns them. */
  private static final Set<String> RUNNER_TRAIN_KEYS = Set.of("out", "resume", "quiet", "seed", "help", "version",
      "concurrent-runs");
  private static final Set<String> RUNNER_EVAL_KEYS = Set.of("out", "checkpoint", "model", "npy", "png-dir", "help",
      "version", "dataset", "layout", "range");

  /** Reads and checks {@code file}; with {@code quick}, the file's {@code quick} sections replace their namesakes. */
  public static ExperimentFile read(Path file, boolean quick) throws IOException {
    return read(file, quick, null, null);
  }

  /**
   * As {@link #read(Path, boolean)}, with {@code seeds} (unless null) in place of the file's, so a cell can
   * gain seeds after the sweep (with {@link #only}): each seed's cell is the one the file would make with
   * that seed, the same folder and fingerprint. {@code flag} names {@code seeds} in errors.
   */
  public static ExperimentFile read(Path file, boolean quick, List<Long> seeds, String flag) throws IOException {
    Object root = StrictYaml.load(file, "experiment file");
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
    List<Long> fileSeeds = new ArrayList<>();
    for (Object seed : list(file, "seeds", top.getOrDefault("seeds", List.of(TrainingSettings.SEED)))) {
      if (!(seed instanceof Integer || seed instanceof Long)) {
        throw new IllegalArgumentException(file + ": 'seeds' must hold integers, got " + seed);
      }
      fileSeeds.add(((Number) seed).longValue());
    }
    if (fileSeeds.isEmpty()) {
      throw new IllegalArgumentException(file + ": 'seeds' is empty: the experiment would run nothing");
    }
    requireDistinct(file, "'seeds'", fileSeeds);
    if (seeds != null) {
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException(flag + " is empty: the experiment would run nothing");
      }
      Set<Long> seen = new java.util.HashSet<>();
      for (long seed : seeds) {
        if (!seen.add(seed)) {
          throw new IllegalArgumentException(flag + " lists " + seed + " twice");
        }
      }
    }
    seeds = seeds == null ? fileSeeds : List.copyOf(seeds);
    Map<String, OptionSpec> trainOptions = options(new TrainCommand(), RUNNER_TRAIN_KEYS);
    Map<String, OptionSpec> evalOptions = options(new EvalCommand(), RUNNER_EVAL_KEYS);
    Map<String, Object> train = top.containsKey("train") ? map(file, "train", top.get("train")) : Map.of();
    Map<String, Object> eval = top.containsKey("eval") ? map(file, "eval", top.get("eval")) : Map.of();
    checkKeys(file, "train", train.keySet(), trainOptions.keySet());
    checkKeys(file, "eval", eval.keySet(), evalOptions.keySet());
    checkDatasetKeys(file, eval);
    // One grid, or a list of grids whose cells are united (settings that only some objectives take).
    Object gridValue = top.getOrDefault("grid", Map.of());
    List<?> gridSections = gridValue instanceof List<?> several ? several : List.of(gridValue);
    if (gridSections.isEmpty()) {
      throw new IllegalArgumentException(file + ": 'grid' is an empty list: the experiment would run nothing");
    }
    List<Map<String, List<Object>>> grids = new ArrayList<>();
    for (int i = 0; i < gridSections.size(); i++) {
      String where = gridValue instanceof List<?> ? "grid[" + i + "]" : "grid";
      grids.add(gridSection(file, where, gridSections.get(i), train, trainOptions));
    }
    requireFewCells(file, grids, seeds);
    String scale = quick && top.containsKey("quick") ? "quick" : "full";
    CellCheck check = new CellCheck(file);
    List<Cell> cells = new ArrayList<>();
    Map<String, Cell> byId = new LinkedHashMap<>();
    List<Map<String, Object>> points = new ArrayList<>();
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    for (Map<String, List<Object>> one : grids) {
      points.addAll(product(one));
      one.forEach((axis, values) -> values.forEach(v -> {
        List<Object> united = grid.computeIfAbsent(axis, k -> new ArrayList<>());
        if (!united.contains(v)) {
          united.add(v);
        }
      }));
    }
    points.addAll(baselines(file, top, trainOptions));
    for (int pointIndex = 0; pointIndex < points.size(); pointIndex++) {
      Map<String, Object> point = points.get(pointIndex);
      Map<String, Object> trainValues = new LinkedHashMap<>(train);
      trainValues.putAll(point);
      trainValues.values().removeIf(java.util.Objects::isNull);
      point = new LinkedHashMap<>(point);
      point.values().removeIf(java.util.Objects::isNull);
      String dataset = String.valueOf(trainValues.getOrDefault("dataset", trainOptions.get("dataset").defaultValue()));
      List<String> evalArgs = arguments(file, "eval", forDataset(file, eval, dataset), evalOptions);
      for (long seed : seeds) {
        Map<String, Object> settings = new LinkedHashMap<>(point);
        settings.put("seed", seed);
        List<String> trainArgs = arguments(file, "train", trainValues, trainOptions);
        trainArgs.add("--seed");
        trainArgs.add(Long.toString(seed));
        // The place the file's own seeds give the cell, so that rows keep the file's order in a folder
        // that also holds cells of other seeds (a seed the file lacks sorts after the point's last).
        int seedPlace = fileSeeds.contains(seed) ? fileSeeds.indexOf(seed) : fileSeeds.size() - 1;
        Cell cell = new Cell(cellId(settings), settings, trainArgs, evalArgs,
            CellIdentity.describe(trainArgs, evalArgs, scale), pointIndex * fileSeeds.size() + seedPlace);
        Cell clash = byId.put(cell.id(), cell);
        if (clash != null) {
          throw new IllegalArgumentException(file + ": cells " + clash.settings() + " and " + settings
              + " would share the folder '" + cell.id() + "': make their values differ in letters, digits or '.'");
        }
        if (seed == seeds.get(0)) {
          // The seed cannot make a setting bad, so one check per grid point covers every seed.
          check.eval(cell, check.train(cell));
        }
        cells.add(cell);
      }
    }
    return new ExperimentFile(name, description, cells, grid, seeds);
  }

  /**
   * This experiment with only the cells {@code selection} selects ({@code flag} names it in errors),
   * each keeping its folder, fingerprint and order; an error if the selection names a setting or a
   * value no cell has.
   */
  public ExperimentFile only(CellSelection selection, String flag) {
    if (selection.isAll()) {
      return this;
    }
    List<Cell> selected = selection.apply(cells, flag);
    List<Long> selectedSeeds = seeds.stream()
        .filter(seed -> selected.stream().anyMatch(cell -> seed.equals(cell.settings().get("seed")))).toList();
    return new ExperimentFile(name, description, selected, grid, selectedSeeds);
  }

  /**
   * One grid section ({@code where} names it in errors): train options mapped to lists of values,
   * none also in {@code train}, an objective in it or in {@code train}.
   */
  private static Map<String, List<Object>> gridSection(Path file, String where, Object section,
      Map<String, Object> train, Map<String, OptionSpec> trainOptions) {
    Map<String, Object> axes = map(file, where, section);
    checkKeys(file, where, axes.keySet(), trainOptions.keySet());
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : axes.entrySet()) {
      List<Object> values = list(file, where + "." + e.getKey(), e.getValue());
      if (values.isEmpty()) {
        throw new IllegalArgumentException(file + ": " + where + "." + e.getKey() + " is empty");
      }
      if (train.containsKey(e.getKey())) {
        throw new IllegalArgumentException(file + ": '" + e.getKey() + "' is in both " + where + " and train");
      }
      requireDistinct(file, where + "." + e.getKey(), values);
      grid.put(e.getKey(), values);
    }
    if (!grid.containsKey("objective") && !train.containsKey("objective")) {
      throw new IllegalArgumentException(file + ": no objective: put 'objective' in " + where + " or train");
    }
    return grid;
  }

  /**
   * The {@code baselines} section: cells beside the grid's product (a baseline that takes none of its
   * axes), each a mapping of train options applied over {@code train}; a null value drops that option.
   */
  private static List<Map<String, Object>> baselines(Path file, Map<String, Object> top,
      Map<String, OptionSpec> trainOptions) {
    List<Map<String, Object>> points = new ArrayList<>();
    for (Object entry : list(file, "baselines", top.getOrDefault("baselines", List.of()))) {
      Map<String, Object> point = map(file, "baselines", entry);
      checkKeys(file, "baselines", point.keySet(), trainOptions.keySet());
      if (point.isEmpty()) {
        throw new IllegalArgumentException(file + ": baselines has an empty entry");
      }
      points.add(new LinkedHashMap<>(point));
    }
    return points;
  }

  /** Fails when {@code values} (compared as the command line would see them) hold one value twice. */
  private static void requireDistinct(Path file, String where, List<?> values) {
    Set<String> seen = new java.util.HashSet<>();
    for (Object value : values) {
      if (!seen.add(String.valueOf(value))) {
        throw new IllegalArgumentException(file + ": " + where + " lists " + value + " twice");
      }
    }
  }

  /** Refuses grids of more than {@link #MAX_CELLS} cells in all before expanding them, naming their size. */
  private static void requireFewCells(Path file, List<Map<String, List<Object>>> grids, List<Long> seeds) {
    BigInteger count = BigInteger.ZERO;
    List<String> products = new ArrayList<>();
    for (Map<String, List<Object>> grid : grids) {
      BigInteger cells = BigInteger.valueOf(seeds.size());
      List<String> factors = new ArrayList<>();
      for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
        cells = cells.multiply(BigInteger.valueOf(axis.getValue().size()));
        factors.add(axis.getValue().size() + " " + axis.getKey());
      }
      factors.add(seeds.size() + " seeds");
      count = count.add(cells);
      products.add(String.join(" x ", factors));
    }
    if (count.compareTo(BigInteger.valueOf(MAX_CELLS)) > 0) {
      String sizes = products.size() == 1 ? products.get(0) : "(" + String.join(") + (", products) + ")";
      throw new IllegalArgumentException(file + ": the grid has " + count + " cells (" + sizes
          + "), more than the limit of " + MAX_CELLS);
    }
  }

  /** An eval value given by dataset must name datasets jgan knows: a misspelt one would never be used. */
  private static void checkDatasetKeys(Path file, Map<String, Object> eval) {
    for (Map.Entry<String, Object> e : eval.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> byDataset) {
        for (Object dataset : byDataset.keySet()) {
          if (!NamedDatasets.NAMES.contains(String.valueOf(dataset))) {
            throw new IllegalArgumentException(file + ": eval." + e.getKey() + " has an entry for unknown dataset '"
                + dataset + "' (known: " + String.join(", ", NamedDatasets.NAMES) + ")");
          }
        }
      }
    }
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
