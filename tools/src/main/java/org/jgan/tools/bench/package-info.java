/**
 * The {@code jgan bench} suite, one subcommand and class per line: {@link org.jgan.tools.bench.BenchStep}
 * (jgan's DCGAN-28 step against a plain TensorFlow graph and the FLOP-count limit),
 * {@link org.jgan.tools.bench.BenchIteration} (fused against unfused iterations, the fixed cost per iteration),
 * {@link org.jgan.tools.bench.BenchMemory} (resident memory over many iterations),
 * {@link org.jgan.tools.bench.BenchEval} (metric rates) and {@link org.jgan.tools.bench.BenchDiscrete}
 * (discrete BGAN iterations), {@link org.jgan.tools.bench.BenchCluster} (scale-out on loopback workers);
 * every figure is a median or ratio measured in one process run.
 */
package org.jgan.tools.bench;
