package org.jgan.losses;

/** The part a network plays in an objective. */
public enum Role {
  GENERATOR("G"),
  /** The discriminator or critic; for EBGAN an auto-encoder. */
  DISCRIMINATOR("D"),
  /** alpha-GAN's encoder from data to codes. */
  ENCODER("E"),
  /** alpha-GAN's discriminator between prior codes and encoded data. */
  CODE_DISCRIMINATOR("C");

  private final String scope;

  Role(String scope) {
    this.scope = scope;
  }

  /** The name scope of this role's network and variables. */
  public String scope() {
    return scope;
  }
}
