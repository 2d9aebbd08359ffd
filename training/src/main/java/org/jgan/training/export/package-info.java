/**
 * Exporting a generator as a TensorFlow SavedModel with its {@code jgan.json}
 * ({@link org.jgan.training.export.GeneratorExport}), and loading one back
 * ({@link org.jgan.training.export.ExportedModel}).
 */
package org.jgan.training.export;
