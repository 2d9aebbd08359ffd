package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.data.BatchSource;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Towers over two CPU devices of this process: the code path of a cluster's workers
 * ({@link ReplicatedGanGraph}), with devices instead of tasks.
 */
class ReplicatedTrainingTest {
  /**
   * How far a replicated step's variables may be from the single graph's. The towers sum the same
   * per-example terms in another order (two sums over 32 examples, then their mean, instead of one
   * sum over 64), so gradients differ by float32 rounding, about 1e-7 relative; the first Adam
   * steps divide each gradient by its own magnitude, so a weight moves by the learning rate (1e-4)
   * times a factor off by about that much. Measured: at most 9.5e-7 over one WGAN-GP iteration (six
   * updates), 6e-8 for the others; the bound leaves a factor of 10, far below the 1e-4 a weight moves.
   */
  static final double TOLERANCE = 1e-5;
  static final int BATCH = 64;
  static final String TWO_CPUS = "cpu:0,cpu:1";

  static ModelSpec spec(String objective) {
    return new ModelSpec(Objectives.named(objective), new Mlp(16, 2), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), BATCH, 3);
  }

  static BatchSource data() {
    return ToyDistribution.EIGHT_GAUSSIANS.batches(BATCH, 5);
  }

  /** The largest absolute difference between two trainers' float variables, matched by name. */
  static double maxDifference(Map<String, float[]> a, Map<String, float[]> b) {
    assertEquals(a.keySet(), b.keySet());
    double worst = 0;
    for (String name : a.keySet()) {
      for (int j = 0; j < a.get(name).length; j++) {
        worst = Math.max(worst, Math.abs(a.get(name)[j] - b.get(name)[j]));
      }
    }
    return worst;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gan", "gan-ns", "wgan", "wgan-gp", "bgan", "alpha-gan"})
  void twoTowersOnHalfBatchesMatchOneGraphOnTheWholeBatch(String objective) {
    Map<String, float[]> initial;
    Map<String, float[]> single;
    try (Trainer trainer = new Trainer(spec(objective), data(), 1)) {
      initial = StateValues.byName(trainer);
      trainer.iterate();
      single = StateValues.byName(trainer);
    }
    try (Trainer trainer = new Trainer(spec(objective), data(), 1, Towers.ofDevices(TWO_CPUS))) {
      assertEquals(0, maxDifference(initial, StateValues.byName(trainer)), "same names, same initial values");
      Map<String, Float> metrics = trainer.iterate();
      double difference = maxDifference(single, StateValues.byName(trainer));
      assertTrue(difference <= TOLERANCE, objective + ": replicated step off by " + difference);
      assertTrue(maxDifference(initial, single) > 10 * TOLERANCE, "the step moved the weights well past the tolerance");
      metrics.values().forEach(value -> assertTrue(Float.isFinite(value), objective + ": " + metrics));
    }
  }

  /**
   * The reference DCGAN over two CPU devices: its towers once hung on their first run (oneDNN fused
   * each convolution with its bias, whose receive from the state device waited on the fused op; see
   * TowerReads in the graphs module). The bounded wait turns a hang into a failure; it is no speed
   * check (the step takes seconds).
   */
  @Test
  void convolutionalTowersFinishAndMatchOneGraph() {
    int batch = 8;
    ModelSpec spec = new ModelSpec(Objectives.named("wgan-gp"), new Dcgan28(), new int[] {28, 28, 1}, Activation.tanh(),
        NoisePrior.normal(8), batch, 3);
    SplittableRandom random = new SplittableRandom(7);
    float[] pixels = new float[4 * batch * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextDouble(-1, 1);
    }
    Dataset images = new Dataset("noise", new int[] {28, 28, 1}, pixels, null);
    Map<String, float[]> initial;
    Map<String, float[]> single;
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(images, batch, 3), 1)) {
      initial = StateValues.byName(trainer);
      trainer.iterate();
      single = StateValues.byName(trainer);
    }
    Map<String, float[]> replicated = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
      try (Trainer trainer = new Trainer(spec, new ShuffledBatches(images, batch, 3), 1, Towers.ofDevices(TWO_CPUS))) {
        trainer.iterate();
        return StateValues.byName(trainer);
      }
    }, "a step of dcgan28 towers on cpu:0,cpu:1 did not return");
    double difference = maxDifference(single, replicated);
    assertTrue(difference <= TOLERANCE, "dcgan28 towers off one graph by " + difference);
    assertTrue(maxDifference(initial, single) > 10 * TOLERANCE, "the step moved the weights well past the tolerance");
  }

  @Test
  void oneTowerTakesTheSingleGraphsStep() {
    Map<String, float[]> single;
    try (Trainer trainer = new Trainer(spec("wgan-gp"), data(), 1)) {
      trainer.iterate();
      single = StateValues.byName(trainer);
    }
    try (Trainer trainer = new Trainer(spec("wgan-gp"), data(), 1, Towers.ofDevices("cpu:0"))) {
      trainer.iterate(); // the only tower is also the last: it applies each of its updates
      assertTrue(maxDifference(single, StateValues.byName(trainer)) <= TOLERANCE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bgan-discrete", "bgan-reinforce"})
  void discreteEstimatorsTrainOnTowers(String name) {
    ObjectiveOptions options = new ObjectiveOptions(null, 1e-3f, false, null, null);
    ModelSpec spec = new ModelSpec(Objectives.discrete(name, options, DiscreteBgan.Kind.BINARY, FDivergence.byId("gan"), 10),
        new Mlp(16, 2), new int[] {8}, Activation.identity(), NoisePrior.normal(4), BATCH, 3);
    SplittableRandom random = new SplittableRandom(5);
    float[] bits = new float[256 * 8];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = random.nextDouble() < (i % 8 < 4 ? 0.9 : 0.1) ? 1f : 0f;
    }
    BatchSource data = new ShuffledBatches(new Dataset("bits", new int[] {8}, bits, null), BATCH, 3);
    try (Trainer trainer = new Trainer(spec, data, 1, Towers.ofDevices(TWO_CPUS))) {
      Map<String, float[]> before = StateValues.byName(trainer);
      for (int i = 0; i < 3; i++) {
        Map<String, Float> metrics = trainer.iterate();
        metrics.values().forEach(value -> assertTrue(Float.isFinite(value), name + ": " + metrics));
      }
      Map<String, float[]> after = StateValues.byName(trainer);
      assertTrue(maxDifference(before, after) > 0, "the towers' updates changed the variables");
      if (name.equals("bgan-reinforce")) {
        assertNotEquals(0f, after.get("G_reinforce/baseline")[0], "one baseline, shared and updated by the towers");
      }
    }
  }

  /**
   * Categorical data (text, quantised pixels) through towers: TensorFlow's gradient of the gather
   * that picks the drawn categories' log-probabilities colocates an op with the gathered forward
   * op, and the towers' placed gradients once refused that hint ("expects to be colocated with
   * unknown node"). The bounded wait turns a hang into a failure; it is no speed check.
   */
  @ParameterizedTest
  @ValueSource(strings = {"bgan-discrete", "bgan-reinforce"})
  void categoricalTowersMatchOneGraph(String name) {
    int positions = 4;
    int categories = 3;
    ObjectiveOptions options = new ObjectiveOptions(null, 1e-3f, false, null, null);
    ModelSpec spec = new ModelSpec(Objectives.discrete(name, options, DiscreteBgan.Kind.MULTINOMIAL,
        FDivergence.byId("gan"), 4), new Mlp(16, 1), new int[] {positions, categories}, Activation.identity(),
        NoisePrior.normal(4), BATCH, 3);
    SplittableRandom random = new SplittableRandom(11);
    float[] oneHot = new float[256 * positions * categories];
    for (int row = 0; row < 256 * positions; row++) {
      oneHot[row * categories + random.nextInt(categories)] = 1f;
    }
    Dataset text = new Dataset("categories", new int[] {positions, categories}, oneHot, null);
    Map<String, float[]> initial;
    Map<String, float[]> single;
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(text, BATCH, 3), 1)) {
      initial = StateValues.byName(trainer);
      trainer.iterate();
      single = StateValues.byName(trainer);
    }
    Map<String, float[]> replicated = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
      try (Trainer trainer = new Trainer(spec, new ShuffledBatches(text, BATCH, 3), 1, Towers.ofDevices(TWO_CPUS))) {
        trainer.iterate();
        return StateValues.byName(trainer);
      }
    }, name + ": a step of towers on categorical data did not return");
    double difference = maxDifference(single, replicated);
    assertTrue(difference <= TOLERANCE, name + ": towers on categorical data off one graph by " + difference);
    assertTrue(maxDifference(initial, single) > 10 * TOLERANCE, "the step moved the weights well past the tolerance");
  }

  @Test
  void aGeneratorAverageFollowsTheTowersStepAsOnOneGraph() {
    ModelSpec averaged = spec("wgan-gp").withGeneratorEma(0.9f);
    Map<String, float[]> single;
    // Unfused, as a replicated trainer runs: the reference is one session run per phase run.
    try (Trainer trainer = new Trainer(averaged, data(), 1, Trainer.Execution.UNFUSED)) {
      trainer.iterate();
      trainer.iterate();
      single = StateValues.byName(trainer);
    }
    try (Trainer trainer = new Trainer(averaged, data(), 1, Towers.ofDevices(TWO_CPUS))) {
      assertNotNull(trainer.model().ema(), "the replicated graph keeps the generator's average");
      trainer.iterate();
      trainer.iterate();
      Map<String, float[]> replicated = StateValues.byName(trainer);
      assertTrue(replicated.keySet().stream().anyMatch(name -> name.startsWith(GeneratorEma.NETWORK + "/")));
      double difference = maxDifference(single, replicated);
      assertTrue(difference <= TOLERANCE, "the average after two replicated iterations is off by " + difference);
    }
  }

  @Test
  void checkpointsMoveBetweenTowersAndOneGraph(@TempDir Path dir) throws Exception {
    CheckpointStore fromTowers = new CheckpointStore(dir.resolve("towers"), 2);
    Map<String, float[]> saved;
    try (Trainer trainer = new Trainer(spec("wgan-gp"), data(), 1, Towers.ofDevices(TWO_CPUS))) {
      trainer.iterate();
      trainer.save(fromTowers);
      saved = StateValues.byName(trainer);
    }
    try (Trainer trainer = new Trainer(spec("wgan-gp"), data(), 1)) {
      assertTrue(trainer.restoreLatest(fromTowers));
      assertEquals(1, trainer.state().iteration());
      assertEquals(0, maxDifference(saved, StateValues.byName(trainer)));
      trainer.iterate();
      trainer.save(new CheckpointStore(dir.resolve("single"), 2));
      saved = StateValues.byName(trainer);
    }
    try (Trainer trainer = new Trainer(spec("wgan-gp"), data(), 1, Towers.ofDevices(TWO_CPUS))) {
      assertTrue(trainer.restoreLatest(new CheckpointStore(dir.resolve("single"), 2)));
      assertEquals(2, trainer.state().iteration());
      assertEquals(0, maxDifference(saved, StateValues.byName(trainer)));
    }
  }

  @Test
  void aClusterPutsStateOnThePsTaskAndATowerOnEachWorker(@TempDir Path dir) throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("cluster.yaml"),
        "ps: [127.0.0.1:1]\nworker: [127.0.0.1:2, 127.0.0.1:3]\n");
    Towers towers = Towers.ofCluster(org.jgan.graphs.cluster.ClusterSpec.read(file));
    assertEquals("grpc://127.0.0.1:2", towers.target());
    try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
      GanGraph model = ReplicatedGanGraph.build(graph, spec("wgan-gp"), towers);
      java.util.Set<String> stateDevices = new java.util.TreeSet<>();
      java.util.Set<String> penaltyDevices = new java.util.TreeSet<>();
      graph.operations().forEachRemaining(op -> {
        String device = ((org.tensorflow.GraphOperation) op).device();
        if (op.type().equals("VariableV2") || op.type().equals("ApplyAdam")) {
          stateDevices.add(device);
        }
        // TensorFlow builds gradients without a device: only the placed copies have one, and run.
        if ((op.name().startsWith("gradient_penalty") || op.name().startsWith("D_optimizer_gradients"))
            && !device.isEmpty()) {
          penaltyDevices.add(device);
        }
      });
      assertEquals(java.util.Set.of("/job:ps/replica:0/task:0"), stateDevices);
      graph.operations().forEachRemaining(op -> {
        org.tensorflow.GraphOperation placed = (org.tensorflow.GraphOperation) op;
        for (int i = 0; placed.device().startsWith("/job:worker") && i < placed.numInputs(); i++) {
          assertNotEquals("VariableV2", placed.input(i).op().type(),
              op.name() + " on a worker reads a ps variable as a reference, not through its value");
        }
      });
      assertEquals(java.util.Set.of("/job:worker/replica:0/task:0", "/job:worker/replica:0/task:1"), penaltyDevices,
          "each worker computes its own examples' gradients, the penalty's and the critic's");
      assertEquals(2, model.objective().phases().size());
    }
    Path noPs = java.nio.file.Files.writeString(dir.resolve("workers.yaml"), "worker: [127.0.0.1:2, 127.0.0.1:3]\n");
    assertEquals("/job:worker/replica:0/task:0",
        Towers.ofCluster(org.jgan.graphs.cluster.ClusterSpec.read(noPs)).state().toString());
  }

  @Test
  void refusesABatchThatDoesNotSplitAndMalformedDevices() {
    ModelSpec odd = new ModelSpec(Objectives.named("gan"), new Mlp(8, 1), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), 63, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(odd, ToyDistribution.EIGHT_GAUSSIANS.batches(63, 5), 1, Towers.ofDevices(TWO_CPUS)));
    assertTrue(e.getMessage().contains("batch size 63 does not split evenly over 2 towers"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Towers.ofDevices("cpu:0,tpu:1"));
    assertEquals("--devices: 'tpu:1' is not cpu:N or gpu:N (e.g. --devices gpu:0,gpu:1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Towers.ofDevices("gpu:0,gpu:0"));
    assertEquals("--devices: gpu:0 is listed twice", e.getMessage());
  }
}
