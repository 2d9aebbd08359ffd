/**
 * The {@code jgan} subcommands and their shared flag groups: {@link org.jgan.tools.cli.TrainCommand},
 * {@link org.jgan.tools.cli.SampleCommand}, {@link org.jgan.tools.cli.EvalCommand},
 * {@link org.jgan.tools.cli.ExportCommand}, {@link org.jgan.tools.cli.ExperimentCommand},
 * {@link org.jgan.tools.cli.DataCommand} and the others; each parses flags, calls the library and prints.
 */
package org.jgan.tools.cli;
