package org.jgan.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.eval.metric.DataKind;
import org.jgan.eval.metric.EvaluationContext;
import org.jgan.eval.metric.Headline;
import org.jgan.eval.metric.Metric;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * A quality probe whose metric fails (as commons-math's eigen-decomposition once did inside FID on
 * a poor generator's features) logs NaN for the step and a warning; the run goes on to its next
 * probe, which scores normally.
 */
class ProbeFailureTest {
  /** Fails on its first call, then scores 7. */
  private static final class FailsOnce implements Metric {
    private int calls;

    @Override
    public String name() {
      return "fails-once";
    }

    @Override
    public Set<DataKind> dataKinds() {
      return Set.of(DataKind.MIXTURE);
    }

    @Override
    public List<Headline> headlines() {
      return List.of(Headline.higherIsBetter("score"));
    }

    @Override
    public Map<String, Object> evaluate(EvaluationContext context) {
      if (calls++ == 0) {
        throw new ArithmeticException("convergence failed");
      }
      return Map.of("score", 7.0);
    }
  }

  @Test
  void aFailedProbeLogsNaNAndAWarningAndTheNextProbeScores() throws Exception {
    RunConfig config = TrainingSettings.of("gan", "toy8").resolve();
    List<String> warnings = new ArrayList<>();
    try (Trainer trainer = new Trainer(RunModel.trainingSpec(config, null), RunModel.batches(config, null), 1);
        MetricQualityProbe probe = MetricQualityProbe.forMetric(config, null, 2, new FailsOnce(), null, warnings::add)) {
      Map<String, Float> first = new HashMap<>();
      probe.afterIteration(trainer, first);
      assertTrue(Float.isNaN(first.get("quality/fails-once")), first.toString());
      assertEquals(List.of("step 0: quality probe fails-once failed (java.lang.ArithmeticException: convergence failed);"
          + " logged NaN, training goes on"), warnings);

      trainer.iterate();
      trainer.iterate();
      Map<String, Float> second = new HashMap<>();
      probe.afterIteration(trainer, second);
      assertEquals(7f, second.get("quality/fails-once"));
      assertEquals(1, warnings.size());
    }
  }
}
