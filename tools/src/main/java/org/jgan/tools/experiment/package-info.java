/**
 * Experiments: an {@link org.jgan.tools.experiment.ExperimentFile} of cells, run (and resumed) by
 * {@link org.jgan.tools.experiment.ExperimentRunner} as separate {@code jgan} processes, then summarised by
 * {@link org.jgan.tools.experiment.ExperimentTable}, {@link org.jgan.tools.experiment.ExperimentFigures},
 * {@link org.jgan.tools.experiment.ExperimentReport} and {@link org.jgan.tools.experiment.ExperimentTiming}.
 */
package org.jgan.tools.experiment;
