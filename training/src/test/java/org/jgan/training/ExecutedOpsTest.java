package org.jgan.training;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jgan.losses.Objectives;
import org.jgan.losses.Schedule;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * What a fused WGAN-GP iteration executes, by TensorFlow's step trace: every op costs the fixed
 * part of an iteration about a microsecond, so shape plumbing that static shapes let Grappler fold
 * must not run each step.
 */
class ExecutedOpsTest {
  /**
   * Gradients' shape ops (folded away when the batch has a static shape and the reductions' axes are
   * constants) and the compare of the ReLU gradient's own gradient (ReluGrad now: one op where
   * Greater, Cast and Mul were three).
   */
  private static final Set<String> NOT_EXPECTED = Set.of("Shape", "BroadcastGradientArgs", "DynamicStitch", "Size",
      "Rank", "Range", "Greater");

  @Test
  void aFusedWganGpIterationRunsNoShapePlumbing() {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("wgan-gp"), 1), toyData(1), 1)) {
      Set<String> executed = executedTypes(trainer);
      assertTrue(executed.contains("ReluGrad") && executed.contains("ApplyAdam"), "the trace holds the updates: " + executed);
      Set<String> unexpected = new TreeSet<>(executed);
      unexpected.retainAll(NOT_EXPECTED);
      assertTrue(unexpected.isEmpty(), "executed " + unexpected + " among " + executed);
    }
  }

  /** The op types one traced fused iteration (without scalars, as between logging steps) executes. */
  private static Set<String> executedTypes(Trainer trainer) {
    Schedule schedule = trainer.model().objective().schedule();
    List<Schedule.PhaseRun> plan = schedule.plan(0);
    FusedIterations fused = trainer.fusedIterations();
    FusedIterations.Chain chain = fused.chain(plan, schedule.oneBatchPerIteration(), false);
    RunMetadata metadata = fused.traced(trainer.session(), chain, 0, 0, 0f).metadata();
    Set<String> types = new TreeSet<>();
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        // The timeline label reads "name = Type(inputs)".
        String label = node.getTimelineLabel();
        int eq = label.indexOf(" = ");
        int paren = label.indexOf('(', Math.max(eq, 0));
        if (eq >= 0 && paren > eq) {
          types.add(label.substring(eq + 3, paren));
        }
      }
    }
    return types;
  }
}
