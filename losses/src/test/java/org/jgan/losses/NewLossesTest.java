package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.jgan.losses.LossTesting.softplus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Least-squares, hinge and relativistic average losses against values computed by hand from fixed
 * scores: real {2, -1, 0.5}, fake {-3, 0, 1.5}. Means: E[C(x_r)] = 1.5 / 3 = 0.5, E[C(x_f)] = -1.5 / 3 = -0.5.
 */
class NewLossesTest {
  private static final float[] REAL = {2f, -1f, 0.5f};
  private static final float[] FAKE = {-3f, 0f, 1.5f};

  @Test
  void leastSquaresDiscriminatorLoss() {
    // 1/2 E[(D(x) - 1)^2] + 1/2 E[D(G(z))^2]
    // real: (1^2 + (-2)^2 + (-0.5)^2) / 3 = (1 + 4 + 0.25) / 3 = 1.75
    // fake: (9 + 0 + 2.25) / 3 = 3.75;  loss = (1.75 + 3.75) / 2 = 2.75
    assertEquals(2.75f, evaluate(tf -> LeastSquaresGan.discriminatorLoss(tf, tf.constant(REAL), tf.constant(FAKE))), 1e-6);
  }

  @Test
  void leastSquaresGeneratorLoss() {
    // 1/2 E[(D(G(z)) - 1)^2] = ((-4)^2 + (-1)^2 + 0.5^2) / 3 / 2 = (16 + 1 + 0.25) / 6 = 2.875
    assertEquals(2.875f, evaluate(tf -> LeastSquaresGan.generatorLoss(tf, tf.constant(FAKE))), 1e-6);
  }

  @Test
  void hingeDiscriminatorLoss() {
    // E[relu(1 - D(x))]: relu(-1) = 0, relu(2) = 2, relu(0.5) = 0.5 -> 2.5 / 3
    // E[relu(1 + D(G(z)))]: relu(-2) = 0, relu(1) = 1, relu(2.5) = 2.5 -> 3.5 / 3;  loss = 6 / 3 = 2
    assertEquals(2f, evaluate(tf -> HingeGan.discriminatorLoss(tf, tf.constant(REAL), tf.constant(FAKE))), 1e-6);
  }

  @Test
  void hingeGeneratorLoss() {
    // -E[D(G(z))] = -(-1.5 / 3) = 0.5
    assertEquals(0.5f, evaluate(tf -> HingeGan.generatorLoss(tf, tf.constant(FAKE))), 1e-6);
  }

  @Test
  void relativisticAverageDiscriminatorLoss() {
    // -E[log sigmoid(C(x_r) - E C(x_f))] = E[softplus(-(C(x_r) + 0.5))] over C(x_r) + 0.5 = {2.5, -0.5, 1}
    //   = (softplus(-2.5) + softplus(0.5) + softplus(-1)) / 3 = (0.078889 + 0.974077 + 0.313262) / 3
    // -E[log(1 - sigmoid(C(x_f) - E C(x_r)))] = E[softplus(C(x_f) - 0.5)] over {-3.5, -0.5, 1}
    //   = (0.029750 + 0.474077 + 1.313262) / 3
    double byHand = (0.078889 + 0.974077 + 0.313262) / 3 + (0.029750 + 0.474077 + 1.313262) / 3;
    double exact = (softplus(-2.5) + softplus(0.5) + softplus(-1)) / 3 + (softplus(-3.5) + softplus(-0.5) + softplus(1)) / 3;
    assertEquals(byHand, exact, 1e-5);
    assertEquals(exact, evaluate(tf -> RelativisticAverageGan.discriminatorLoss(tf, tf.constant(REAL), tf.constant(FAKE))),
        1e-5);
  }

  @Test
  void relativisticAverageGeneratorLossSwapsTheRoles() {
    // -E[log sigmoid(C(x_f) - E C(x_r))] = E[softplus(-(C(x_f) - 0.5))] over {-3.5, -0.5, 1}
    //   = (softplus(3.5) + softplus(0.5) + softplus(-1)) / 3 = (3.529750 + 0.974077 + 0.313262) / 3
    // -E[log(1 - sigmoid(C(x_r) - E C(x_f)))] = E[softplus(C(x_r) + 0.5)] over {2.5, -0.5, 1}
    //   = (2.578889 + 0.474077 + 1.313262) / 3
    double byHand = (3.529750 + 0.974077 + 0.313262) / 3 + (2.578889 + 0.474077 + 1.313262) / 3;
    double exact = (softplus(3.5) + softplus(0.5) + softplus(-1)) / 3 + (softplus(2.5) + softplus(-0.5) + softplus(1)) / 3;
    assertEquals(byHand, exact, 1e-5);
    assertEquals(exact, evaluate(tf -> RelativisticAverageGan.generatorLoss(tf, tf.constant(REAL), tf.constant(FAKE))),
        1e-5);
  }
}
