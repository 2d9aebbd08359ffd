package org.jgan.tools.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of an experiment to run now ({@code --only KEY=VALUE[,VALUE...]}, repeatable): a cell is
 * selected when, for every key, its setting is one of the values; a cell that does not take a key at
 * all (a baseline without that grid axis) is not restricted by it. {@code seed} is a key like the
 * grid's. Selected cells keep their folders and fingerprints, so a later run of the whole file finds
 * them complete: a long sweep can run a seed, or a row, at a time into one experiment folder.
 */
public final class CellSelection {
  /** Selects every cell. */
  public static final CellSelection ALL = new CellSelection(Map.of());

  private final Map<String, List<String>> valuesByKey;

  private CellSelection(Map<String, List<String>> valuesByKey) {
    this.valuesByKey = valuesByKey;
  }

  /** Parses {@code --only} arguments, each {@code KEY=VALUE[,VALUE...]}; {@code flag} names them in errors. */
  public static CellSelection parse(List<String> arguments, String flag) {
    Map<String, List<String>> valuesByKey = new LinkedHashMap<>();
    for (String argument : arguments == null ? List.<String>of() : arguments) {
      int equals = argument.indexOf('=');
      String key = equals < 0 ? "" : argument.substring(0, equals).trim();
      List<String> values = new ArrayList<>();
      if (equals >= 0) {
        for (String value : argument.substring(equals + 1).split(",", -1)) {
          values.add(value.trim());
        }
      }
      if (key.isEmpty() || values.contains("")) {
        throw new IllegalArgumentException(flag + " takes KEY=VALUE[,VALUE...], got '" + argument + "'");
      }
      if (valuesByKey.putIfAbsent(key, values) != null) {
        throw new IllegalArgumentException(flag + " names '" + key + "' twice: list its values once, comma-separated");
      }
    }
    return new CellSelection(valuesByKey);
  }

  /** Whether this selects every cell. */
  public boolean isAll() {
    return valuesByKey.isEmpty();
  }

  /**
   * The cells of {@code cells} this selects, in their order; an error names the key no cell takes, or
   * the value no cell has, with the values the cells do have.
   */
  List<ExperimentFile.Cell> apply(List<ExperimentFile.Cell> cells, String flag) {
    valuesByKey.forEach((key, values) -> {
      List<String> present = new ArrayList<>();
      for (ExperimentFile.Cell cell : cells) {
        Object setting = cell.settings().get(key);
        if (setting != null && present.stream().noneMatch(p -> same(p, setting.toString()))) {
          present.add(setting.toString());
        }
      }
      if (present.isEmpty()) {
        throw new IllegalArgumentException(flag + " " + key + ": no cell of the experiment has a setting '" + key
            + "'; its settings are " + settingNames(cells));
      }
      for (String value : values) {
        if (present.stream().noneMatch(p -> same(p, value))) {
          throw new IllegalArgumentException(flag + " " + key + "=" + value + ": no cell has that value; its values are "
              + present);
        }
      }
    });
    List<ExperimentFile.Cell> selected = new ArrayList<>();
    for (ExperimentFile.Cell cell : cells) {
      if (selects(cell.settings())) {
        selected.add(cell);
      }
    }
    return selected;
  }

  /** Whether a cell with these settings is selected. */
  boolean selects(Map<String, Object> settings) {
    for (Map.Entry<String, List<String>> e : valuesByKey.entrySet()) {
      Object setting = settings.get(e.getKey());
      if (setting != null && e.getValue().stream().noneMatch(v -> same(setting.toString(), v))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Which of {@code selected} a key did not narrow because they lack it, as text for the console
   * ("2 without gp-weight"; "" when every selected cell has every key), so that a selection meant for
   * a few cells and keeping many says why.
   */
  public String keptWithoutKeys(List<ExperimentFile.Cell> selected) {
    List<String> parts = new ArrayList<>();
    for (String key : valuesByKey.keySet()) {
      long without = selected.stream().filter(cell -> cell.settings().get(key) == null).count();
      if (without > 0) {
        parts.add(without + " without " + key);
      }
    }
    return String.join(", ", parts);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    valuesByKey.forEach((key, values) -> parts.add(key + "=" + String.join(",", values)));
    return String.join(" ", parts);
  }

  /** Equal as text, or as numbers (0.0001 is 1.0E-4, 1 is 1.0), as a YAML value and a flag's may differ. */
  private static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static List<String> settingNames(List<ExperimentFile.Cell> cells) {
    List<String> names = new ArrayList<>();
    for (ExperimentFile.Cell cell : cells) {
      cell.settings().keySet().stream().filter(k -> !names.contains(k)).forEach(names::add);
    }
    return names;
  }
}
