package org.jgan.losses;

import java.util.List;
import java.util.Set;
import org.jgan.graphs.Layer;
import org.jgan.graphs.models.Architecture;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A GAN training objective: from the model's networks and inputs it builds the loss operands,
 * one optimiser op per network and its schedule.
 *
 * <p>Implementations live one per file, named after the paper, with the pure loss functions as
 * static methods whose lines follow the paper's equations.
 */
public interface Objective {
  /** The name used on the command line. */
  String name();

  /** The networks the objective needs; generator and discriminator unless it says otherwise. */
  default Set<Role> roles() {
    return Set.of(Role.GENERATOR, Role.DISCRIMINATOR);
  }

  /**
   * The layers of the network playing {@code role}. The default takes each role's standard network
   * from the architecture; an objective whose networks differ (EBGAN's auto-encoder
   * discriminator, a discrete generator's logits) overrides it.
   */
  default List<Layer> layersFor(Role role, Architecture architecture, ModelShape shape) {
    return switch (role) {
      case GENERATOR -> architecture.generator(shape.zDim(), shape.exampleShape(), shape.outputActivation());
      case DISCRIMINATOR -> architecture.discriminator(shape.exampleShape());
      case ENCODER -> architecture.encoder(shape.exampleShape(), shape.zDim());
      case CODE_DISCRIMINATOR -> architecture.codeDiscriminator(shape.zDim());
    };
  }

  /**
   * Samples from the generator's raw output: the output itself by default; a discrete generator
   * that outputs logits returns probabilities or drawn samples here.
   */
  default Operand<TFloat32> samples(Ops tf, Operand<TFloat32> generatorOutput) {
    return generatorOutput;
  }

  /** Builds the losses, update ops and schedule. Networks may be applied as often as needed. */
  ObjectiveGraph build(GanInputs inputs, GanNetworks networks);
}
