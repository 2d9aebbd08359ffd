package org.jgan.losses;

import java.util.Set;

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

  /** Builds the losses, update ops and schedule. Networks may be applied as often as needed. */
  ObjectiveGraph build(GanInputs inputs, GanNetworks networks);
}
