/**
 * Sample-quality metrics: {@link org.jgan.eval.ToyMetrics} (mode coverage on the 2-D mixtures),
 * {@link org.jgan.eval.ParzenWindow}, {@link org.jgan.eval.InceptionScore}, {@link org.jgan.eval.FrechetDistance},
 * {@link org.jgan.eval.KernelInceptionDistance}, {@link org.jgan.eval.MsSsim}, {@link org.jgan.eval.IndependentCritic}
 * and {@link org.jgan.eval.NgramDivergence} for text.
 */
package org.jgan.eval;
