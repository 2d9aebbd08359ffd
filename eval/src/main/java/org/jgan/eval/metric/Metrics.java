package org.jgan.eval.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of metrics, in the order they run and appear in tables: every metric
 * {@code jgan eval} knows, plus any registered at run time. A new built-in metric is one line in
 * {@link #REGISTERED}; a user's own is one {@link #register} call.
 */
public final class Metrics {
  private static final List<Metric> REGISTERED = new CopyOnWriteArrayList<>(List.of(
      new ToyCoverageMetric(),
      new ParzenMetric(),
      new InceptionScoreMetric(),
      new EbganScoreMetric(),
      new FrechetDistanceMetric(),
      new KernelInceptionDistanceMetric(),
      new MsSsimMetric(),
      new CriticMetric(),
      new TextNgramMetric()));

  private Metrics() {}

  /** A registered metric; closing it takes the metric out of the registry again (tests, plug-ins). */
  public interface Registration extends AutoCloseable {
    /** Removes the metric from the registry. */
    @Override
    void close();
  }

  /**
   * Adds {@code metric} after the others: from then on {@link Evaluator}, {@code jgan eval} and the
   * experiment tables know it by name.
   *
   * @return a handle that removes it again when closed; a metric that stays may ignore it
   * @throws IllegalArgumentException when a metric of that name is already registered, or it has no headline
   */
  public static synchronized Registration register(Metric metric) {
    if (REGISTERED.stream().anyMatch(m -> m.name().equals(metric.name()))) {
      throw new IllegalArgumentException("metric '" + metric.name() + "' is already registered");
    }
    if (metric.headlines().isEmpty()) {
      throw new IllegalArgumentException("metric '" + metric.name() + "' has no headline number");
    }
    REGISTERED.add(metric);
    return () -> REGISTERED.remove(metric);
  }

  /** Every metric, in registration order. */
  public static List<Metric> all() {
    return List.copyOf(REGISTERED);
  }

  /** Every metric's name, in registration order. */
  public static List<String> names() {
    return all().stream().map(Metric::name).toList();
  }

  /**
   * The metric called {@code name}.
   *
   * @throws IllegalArgumentException "unknown metric 'x' (known: ...)" when there is none
   */
  public static Metric named(String name) {
    for (Metric m : REGISTERED) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + name + "' (known: " + String.join(", ", names()) + ")");
  }

  /**
   * The metrics {@code jgan eval} runs on samples of {@code dataset} when none are named: every one
   * that applies and {@link Metric#runsByDefault runs by default}, leaving out classifier metrics
   * when there is no classifier.
   */
  public static List<Metric> defaultsFor(String dataset, boolean hasClassifier) {
    DataKind kind = DataKind.of(dataset);
    List<Metric> chosen = new ArrayList<>();
    for (Metric m : REGISTERED) {
      if (m.runsByDefault() && m.refusal(kind, dataset) == null && (hasClassifier || !m.needsClassifier())) {
        chosen.add(m);
      }
    }
    return chosen;
  }

  /**
   * The metric called {@code name}, failing with one line when it is unknown, cannot score samples
   * of {@code dataset}, or needs a classifier and {@code hasClassifier} is false: what an experiment
   * checks for each cell before anything runs.
   */
  public static Metric requireApplicable(String name, String dataset, boolean hasClassifier) {
    Metric metric = named(name);
    String refusal = metric.refusal(DataKind.of(dataset), dataset);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    if (metric.needsClassifier() && !hasClassifier) {
      throw new IllegalArgumentException(classifierNeeded());
    }
    return metric;
  }

  /** The message when a classifier metric is asked for without a classifier, naming every such metric. */
  static String classifierNeeded() {
    List<String> needing = REGISTERED.stream().filter(Metric::needsClassifier).map(Metric::name).toList();
    return "classifier metrics (" + String.join(", ", needing) + ") need --classifier"
        + " (train one with jgan classifier train)";
  }
}
