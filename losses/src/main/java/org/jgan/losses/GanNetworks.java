package org.jgan.losses;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.jgan.graphs.Network;

/** The networks of one model, by role. */
public final class GanNetworks {
  private final Map<Role, Network> networks;

  /** The networks of a model, by role. */
  public GanNetworks(Map<Role, Network> networks) {
    this.networks = Collections.unmodifiableMap(new EnumMap<>(networks));
  }

  /** The network playing {@code role}; fails if the model has none. */
  public Network get(Role role) {
    Network n = networks.get(role);
    if (n == null) {
      throw new IllegalStateException("this model has no " + role.name().toLowerCase() + " network");
    }
    return n;
  }

  /** The generator network. */
  public Network generator() {
    return get(Role.GENERATOR);
  }

  /** The discriminator (critic) network. */
  public Network discriminator() {
    return get(Role.DISCRIMINATOR);
  }

  /** Every network of the model, by role. */
  public Map<Role, Network> all() {
    return networks;
  }
}
