package org.jgan.losses;

import java.util.List;

/**
 * An objective's part of the training graph: its phases (one optimiser op per network) and the
 * schedule that orders them.
 */
public record ObjectiveGraph(List<TrainPhase> phases, Schedule schedule) {
  /** The phase called {@code name}. */
  public TrainPhase phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no phase '" + name + "'"));
  }
}
