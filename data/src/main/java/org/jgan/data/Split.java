package org.jgan.data;

/**
 * The split the GAN paper used for MNIST-like data: the first 50,000 training images train, the
 * last 10,000 validate, and the 10,000-image test file tests.
 */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST
}
