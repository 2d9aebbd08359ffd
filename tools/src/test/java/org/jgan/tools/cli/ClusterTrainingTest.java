package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgan.data.BatchSource;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.cluster.ClusterSpec;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objectives;
import org.jgan.training.ModelSpec;
import org.jgan.training.Towers;
import org.jgan.training.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * Synchronous data-parallel training on two {@code jgan server} worker processes on 127.0.0.1
 * (no ps task: the variables live on worker 0), against one graph in this process.
 */
class ClusterTrainingTest {
  /**
   * Float tolerance on every variable after one step; why this bound: the towers sum the same
   * per-example terms in another order (two sums over 32 examples, then their mean), see
   * ReplicatedTrainingTest in the training module, which measures it on CPU devices (at most 9.5e-7).
   */
  private static final double TOLERANCE = 1e-5;
  private static final int BATCH = 64;

  @TempDir
  Path dir;

  private static ModelSpec spec() {
    return new ModelSpec(Objectives.named("wgan-gp"), new Mlp(16, 2), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), BATCH, 3);
  }

  private static BatchSource data() {
    return ToyDistribution.EIGHT_GAUSSIANS.batches(BATCH, 5);
  }

  /** Every float variable by name (weights and optimiser slots). */
  private static Map<String, float[]> variables(Trainer trainer) {
    List<String> names = new ArrayList<>();
    trainer.model().context().graph().operations().forEachRemaining(op -> {
      if (op.type().equals("VariableV2") && op.output(0).dataType().name().startsWith("DT_FLOAT")) {
        names.add(op.name());
      }
    });
    Map<String, float[]> values = new TreeMap<>();
    for (String name : names) {
      try (Result r = trainer.session().runner().fetch(name).run()) {
        values.put(name, Tensors.toFloats((TFloat32) r.get(0)));
      }
    }
    return values;
  }

  private static double maxDifference(Map<String, float[]> a, Map<String, float[]> b) {
    assertEquals(a.keySet(), b.keySet());
    double worst = 0;
    for (String name : a.keySet()) {
      for (int j = 0; j < a.get(name).length; j++) {
        worst = Math.max(worst, Math.abs(a.get(name)[j] - b.get(name)[j]));
      }
    }
    return worst;
  }

  @Test
  void twoWorkersMatchOneMachineAndCheckpointsMoveBothWays() throws Exception {
    Map<String, float[]> single;
    try (Trainer trainer = new Trainer(spec(), data(), 1)) {
      trainer.iterate();
      single = variables(trainer);
    }
    try (LoopbackCluster cluster = LoopbackCluster.startWorkers(dir, 2)) {
      Towers towers = Towers.ofCluster(ClusterSpec.read(cluster.file()));
      CheckpointStore distributed = new CheckpointStore(dir.resolve("distributed"), 2);
      Map<String, float[]> trained;
      try (Trainer trainer = new Trainer(spec(), data(), 1, towers)) {
        trainer.iterate();
        trained = variables(trainer);
        double difference = maxDifference(single, trained);
        assertTrue(difference <= TOLERANCE, "a step on two workers is off one machine's by " + difference);
        trainer.save(distributed); // written by this process from the fetched values
      }

      CheckpointStore local = new CheckpointStore(dir.resolve("local"), 2);
      Map<String, float[]> continued;
      try (Trainer trainer = new Trainer(spec(), data(), 1)) {
        assertTrue(trainer.restoreLatest(distributed));
        assertEquals(1, trainer.state().iteration());
        assertEquals(0, maxDifference(trained, variables(trainer)), "the distributed checkpoint restores here exactly");
        trainer.iterate();
        trainer.save(local);
        continued = variables(trainer);
      }
      try (Trainer trainer = new Trainer(spec(), data(), 1, towers)) {
        assertTrue(trainer.restoreLatest(local));
        assertEquals(2, trainer.state().iteration());
        assertEquals(0, maxDifference(continued, variables(trainer)), "the local checkpoint restores on the workers exactly");
      }
      // The servers keep no variables from one session to the next: a model shaped otherwise trains.
      ModelSpec wider = spec().withArchitecture(new Mlp(24, 2));
      try (Trainer trainer = new Trainer(wider, data(), 1, towers)) {
        trainer.iterate();
      }
    }
  }

  /**
   * The reference DCGAN on two workers: its step once never returned (the session failed at the
   * cluster timeout with "Deadline Exceeded"), as on two CPU devices; see ReplicatedTrainingTest in
   * the training module. The bounded wait is no speed check.
   */
  @Test
  void convolutionalTowersOnTwoWorkersFinishAndMatchOneMachine() throws Exception {
    int batch = 8;
    ModelSpec spec = new ModelSpec(Objectives.named("wgan-gp"), new Dcgan28(), new int[] {28, 28, 1},
        Activation.tanh(), NoisePrior.normal(8), batch, 3);
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    float[] pixels = new float[4 * batch * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextDouble(-1, 1);
    }
    Dataset images = new Dataset("noise", new int[] {28, 28, 1}, pixels, null);
    Map<String, float[]> single;
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(images, batch, 3), 1)) {
      trainer.iterate();
      single = variables(trainer);
    }
    try (LoopbackCluster cluster = LoopbackCluster.startWorkers(dir, 2)) {
      Towers towers = Towers.ofCluster(ClusterSpec.read(cluster.file()));
      Map<String, float[]> trained = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
        try (Trainer trainer = new Trainer(spec, new ShuffledBatches(images, batch, 3), 1, towers)) {
          trainer.iterate();
          return variables(trainer);
        }
      }, "a step of dcgan28 towers on two workers did not return");
      double difference = maxDifference(single, trained);
      assertTrue(difference <= TOLERANCE, "dcgan28 on two workers is off one machine's by " + difference);
    }
  }

  @Test
  void trainCommandRunsOnTheClusterWithAParameterServerAndResumes() throws Exception {
    try (LoopbackCluster cluster = LoopbackCluster.start(dir, 1, 2)) {
      Path out = dir.resolve("run");
      String[] args = {"train", "--objective", "wgan-gp", "--dataset", "toy8", "--batch", "64", "--width", "16",
          "--depth", "1", "--cluster", cluster.file().toString(), "--out", out.toString(), "--checkpoint-every", "1",
          "--no-tensorboard", "--threads", "1"};
      CliRunner.Outcome first = CliRunner.run(concat(args, "--steps", "2", "--quiet"));
      assertEquals(0, first.exitCode(), first.err());
      assertEquals(2, new CheckpointStore(out.resolve("checkpoints"), 3).latest().orElseThrow().step());
      CliRunner.Outcome resumed = CliRunner.run(concat(args, "--steps", "4", "--resume"));
      assertEquals(0, resumed.exitCode(), resumed.err());
      assertTrue(resumed.out().contains("resumed " + out + " at step 2"), resumed.out());
      assertEquals(4, new CheckpointStore(out.resolve("checkpoints"), 3).latest().orElseThrow().step());
    }
  }

  @Test
  void placementFlagErrorsAreOneLineWithExitCode2() throws Exception {
    Path out = dir.resolve("run");
    Path file = java.nio.file.Files.writeString(dir.resolve("cluster.yaml"), "worker: [127.0.0.1:1]\n");
    CliRunner.Outcome both = CliRunner.run("train", "--objective", "gan", "--out", out.toString(), "--steps", "1",
        "--cluster", file.toString(), "--devices", "cpu:0");
    assertEquals(2, both.exitCode(), both.err());
    assertTrue(both.err().contains("--cluster and --devices exclude each other"), both.err());
    CliRunner.Outcome bad = CliRunner.run("train", "--objective", "gan", "--out", out.toString(), "--steps", "1",
        "--devices", "cpu:0,tpu:1");
    assertEquals(2, bad.exitCode(), bad.err());
    assertEquals(List.of("jgan train: error: --devices: 'tpu:1' is not cpu:N or gpu:N (e.g. --devices gpu:0,gpu:1)"),
        bad.errorLines());
    CliRunner.Outcome odd = CliRunner.run("train", "--objective", "gan", "--out", out.toString(), "--steps", "1",
        "--batch", "63", "--devices", "cpu:0,cpu:1");
    assertEquals(2, odd.exitCode(), odd.err());
    assertTrue(odd.err().contains("batch size 63 does not split evenly over 2 towers"), odd.err());
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
