package org.jgan.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The exact configuration of a training run, every default resolved; written to
 * {@code config.json} so a run can be reproduced and checked on resume.
 *
 * <p>The GAN paper's recipe settings (optimizer ... outputBias) are null when their flag is not
 * given, meaning the behaviour of before they existed (Adam, no per-update decay, weight 1,
 * alternating updates, zero output bias), so runs made before them still resume.
 * {@code imageSize} and {@code channels} are set for an image folder only (null for named datasets).
 * {@code generatorWidth} ... {@code discriminatorDepth} are null unless their flag is given, meaning
 * {@code width} and {@code depth} (one size for both networks, as before they existed).
 * {@code optimizer} is both networks' optimiser unless {@code generatorOptimizer} (null unless given)
 * sets the generator's apart. {@code model} names the architecture of every network unless
 * {@code generatorModel} (null unless {@code --g-model} names another) sets the generator's apart;
 * then {@code model} is the critic's (the discriminator and every other network).
 */
public record RunConfig(String objective, String dataset, String model, long steps, long seed, int batchSize,
    int zDim, int width, int depth, Float learningRate, String lrDecay, Integer criticSteps, Float gpWeight,
    Float clip, String prior, String pixelRange, int threads, String jganVersion, Float margin, Float ptWeight,
    Float reconWeight, String divergence, Integer samplesPerZ, String optimizer, Float momentum, Float finalMomentum,
    String momentumRamp, Double lrDecayFactor, Float minLr, Float dLossWeight, String schedule, String outputBias,
    Integer imageSize, Integer channels, Float ema, Boolean spectralNorm, Integer generatorWidth,
    Integer generatorDepth, Integer discriminatorWidth, Integer discriminatorDepth, String generatorOptimizer,
    Float discriminatorDropout, String generatorModel) {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create();

  /** A builder with nothing set, for a configuration made field by field. */
  public static RunConfigBuilder builder() {
    return new RunConfigBuilder();
  }

  /** A builder holding this configuration's values: {@code config.toBuilder().steps(10).build()} is a changed copy. */
  public RunConfigBuilder toBuilder() {
    return new RunConfigBuilder(this);
  }

  /** The generator's architecture: {@code generatorModel} when set, else {@link #model()}. */
  public String resolvedGeneratorModel() {
    return generatorModel != null ? generatorModel : model;
  }

  /** Whether either network trains with SGD and the momentum ramp ({@code momentum} as either optimiser). */
  public boolean usesMomentum() {
    return "momentum".equals(optimizer) || "momentum".equals(generatorOptimizer);
  }

  /** The generator's hidden width: {@code generatorWidth} when set, else {@link #width()}. */
  public int resolvedGeneratorWidth() {
    return generatorWidth != null ? generatorWidth : width;
  }

  /** The generator's hidden layers: {@code generatorDepth} when set, else {@link #depth()}. */
  public int resolvedGeneratorDepth() {
    return generatorDepth != null ? generatorDepth : depth;
  }

  /** The other networks' hidden width: {@code discriminatorWidth} when set, else {@link #width()}. */
  public int resolvedDiscriminatorWidth() {
    return discriminatorWidth != null ? discriminatorWidth : width;
  }

  /** The other networks' hidden layers: {@code discriminatorDepth} when set, else {@link #depth()}. */
  public int resolvedDiscriminatorDepth() {
    return discriminatorDepth != null ? discriminatorDepth : depth;
  }

  /** The shape of one example of the run's data. */
  public int[] exampleShape() {
    return org.jgan.data.NamedDatasets.exampleShape(dataset, imageSize, channels);
  }

  /** The name of a run folder's configuration file. */
  public static final String FILE = "config.json";

  /** The configuration file of the run folder {@code runDir}. */
  public static Path in(Path runDir) {
    return runDir.resolve(FILE);
  }

  /** Reads a run's {@code config.json}; fails with a one-line message when it is missing or malformed. */
  public static RunConfig read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " not found: is this a jgan run folder?");
    }
    RunConfig config;
    try {
      config = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunConfig.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a valid run configuration: " + e.getMessage());
    }
    if (config == null || config.objective() == null || config.dataset() == null || config.model() == null
        || config.lrDecay() == null) {
      throw new IllegalArgumentException(file + ": not a valid run configuration: fields missing");
    }
    return config;
  }

  /**
   * The intra-op thread count the run in {@code runDir} was started with; empty when its
   * configuration is missing, unreadable or names none (whoever needs the file whole reads it with
   * {@link #read} and names the fault).
   */
  public static Optional<Integer> savedThreads(Path runDir) {
    try {
      JsonObject json = JsonParser.parseString(Files.readString(in(runDir), StandardCharsets.UTF_8)).getAsJsonObject();
      return json.has("threads") && !json.get("threads").isJsonNull()
          ? Optional.of(json.get("threads").getAsInt()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes this configuration as JSON, atomically; a failure names the file. */
  public void write(Path file) throws IOException {
    org.jgan.graphs.JsonFiles.write(file, this);
  }

  /**
   * Fails, naming the field, when {@code saved} (a run's config.json) differs from this
   * configuration in anything but the step count, which a resumed run may extend.
   */
  public void requireResumableFrom(Path saved) throws IOException {
    JsonObject old;
    try {
      old = JsonParser.parseString(Files.readString(saved, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(saved + ": not a valid run configuration: " + e.getMessage());
    }
    // Through text, so both sides hold numbers the same way (a Float and its parsed text compare unequal).
    JsonObject now = JsonParser.parseString(GSON.toJson(this)).getAsJsonObject();
    for (Map.Entry<String, JsonElement> entry : now.entrySet()) {
      String key = entry.getKey();
      if (key.equals("steps") || key.equals("jganVersion")) {
        continue;
      }
      // A field added since the run was saved reads as null there: its flag did not exist, so was not given.
      JsonElement before = old.has(key) ? old.get(key) : com.google.gson.JsonNull.INSTANCE;
      if (!before.equals(entry.getValue())) {
        throw new IllegalArgumentException(saved + ": cannot resume: field '" + key + "' was " + before
            + " in the saved run but is " + entry.getValue() + " now");
      }
    }
  }
}
