package org.jgan.tools.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The generator a command draws from, one of two (an exclusive picocli group): a run folder's
 * checkpoint or a model written by {@code jgan export}. {@code jgan sample} takes exactly these;
 * {@code jgan eval} extends them with samples already drawn.
 */
class GeneratorSource {
  @Option(names = "--checkpoint", required = true, description = "run folder (its latest checkpoint)")
  Path checkpoint;

  @Option(names = "--model", required = true,
      description = "model written by jgan export: its base folder (newest version) or a version folder")
  Path model;
}
