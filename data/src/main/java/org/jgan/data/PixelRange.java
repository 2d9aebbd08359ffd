package org.jgan.data;

/** The range pixel intensities are scaled to. */
public enum PixelRange {
  /** [0, 1]: the GAN paper's Parzen protocol and sigmoid generators. */
  ZERO_ONE,
  /** [-1, 1]: tanh generators (DCGAN, WGAN). */
  MINUS_ONE_ONE;

  /** Maps an 8-bit intensity to this range. */
  public float scale(int byteValue) {
    float unit = byteValue / 255f;
    return this == ZERO_ONE ? unit : unit * 2f - 1f;
  }
}
