package org.jgan.eval.metric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.Dataset;
import org.jgan.data.NamedDatasets;
import org.jgan.data.Split;
import org.jgan.eval.classifier.SavedModelClassifier;

/**
 * What the metrics of one evaluation share: the samples, the settings, and the real data, the
 * classifier's outputs and the text corpus, each loaded once, when a metric first needs it.
 */
public final class EvaluationContext implements AutoCloseable {
  /** Which images the classifier scored. */
  public enum Images {
    /** The samples evaluated. */
    SAMPLES,
    /** The real test split. */
    TEST,
    /** The real validation split. */
    VALIDATION
  }

  /** A reference text: where it was read from and its non-empty lines. */
  public record Corpus(Path file, List<String> lines) {}

  private final Samples samples;
  private final EvalSettings settings;
  private Dataset validation;
  private Dataset test;
  private SavedModelClassifier classifier;
  private final Map<Images, SavedModelClassifier.Outputs> outputs = new EnumMap<>(Images.class);
  private Corpus corpus;
  /** False for a context made by {@link #forSamples}: the classifier belongs to the context it came from. */
  private boolean ownsClassifier = true;

  /** A context for evaluating {@code samples} with {@code settings}; nothing is loaded yet. */
  public EvaluationContext(Samples samples, EvalSettings settings) {
    this.samples = samples;
    this.settings = settings;
  }

  /**
   * A context for other samples of the same dataset and settings that reuses what this one has
   * loaded (real data, classifier, the classifier's outputs on real images): an in-training probe
   * scores a new sample set every N iterations without rereading or rescoring the real data.
   * Closing it leaves the classifier open; closing this context closes it.
   */
  public EvaluationContext forSamples(Samples other) {
    if (!other.dataset().equals(samples.dataset())) {
      throw new IllegalArgumentException("a shared evaluation context scores " + samples.dataset() + ", not " + other.dataset());
    }
    EvaluationContext shared = new EvaluationContext(other, settings);
    shared.validation = validation;
    shared.test = test;
    shared.classifier = classifier;
    shared.corpus = corpus;
    outputs.forEach((which, o) -> {
      if (which != Images.SAMPLES) {
        shared.outputs.put(which, o);
      }
    });
    shared.ownsClassifier = false;
    return shared;
  }

  /** The samples evaluated. */
  public Samples samples() {
    return samples;
  }

  /** The settings. */
  public EvalSettings settings() {
    return settings;
  }

  /**
   * The real images that choose a metric's settings (Parzen's sigma), at the samples' example shape:
   * the validation split, or its first {@link EvalSettings#heldBack} images when the settings
   * score against the validation split.
   */
  public Dataset validation() throws IOException {
    loadReal();
    return validation;
  }

  /**
   * The real images samples are scored against, at their example shape: the test split, or the
   * validation split's images after the first {@link EvalSettings#heldBack} when the settings
   * score against the validation split ({@link EvalSettings#split}); only the first {@link
   * EvalSettings#realImages} of them when the settings limit them.
   */
  public Dataset test() throws IOException {
    loadReal();
    return test;
  }

  /** The classifier's logits and features for {@code which} images, computed once. */
  public SavedModelClassifier.Outputs classifierOutputs(Images which) throws IOException {
    if (settings.classifierDir() == null) {
      throw new IllegalArgumentException(Metrics.classifierNeeded());
    }
    loadReal();
    if (classifier == null) {
      classifier = SavedModelClassifier.load(settings.classifierDir());
    }
    SavedModelClassifier.Outputs cached = outputs.get(which);
    if (cached == null) {
      float[] images = switch (which) {
        case SAMPLES -> samples.values();
        case TEST -> test.values();
        case VALIDATION -> validation.values();
      };
      int count = images.length / (samples.values().length / samples.count());
      cached = classifier.run(images, count, samples.exampleShape(), 500);
      outputs.put(which, cached);
    }
    return cached;
  }

  /** Records which classifier scored the images, by path and content hash, in a metric's result. */
  public void putClassifier(Map<String, Object> result) {
    result.put("classifier", settings.classifierDir().toString());
    result.put("classifier_sha256", classifier.contentHash());
  }

  /**
   * The reference text: the settings' corpus, else the dataset's own in the data folder.
   *
   * @throws IllegalArgumentException when there is neither, or the file does not exist
   */
  public Corpus corpus() throws IOException {
    if (corpus == null) {
      Path file = settings.corpus();
      if (file == null) {
        if (settings.dataDir() == null) {
          throw new IllegalArgumentException("--text needs --corpus FILE, --data DIR or JGAN_DATA");
        }
        file = NamedDatasets.textCorpus(settings.dataDir());
      }
      corpus = new Corpus(file, readLines(file));
    }
    return corpus;
  }

  /** The non-empty lines of a UTF-8 text file, refusing a missing one by name. */
  public static List<String> readLines(Path file) throws IOException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found");
    }
  }

  private void loadReal() throws IOException {
    if (test != null) {
      return;
    }
    if (settings.dataDir() == null) {
      throw new IllegalArgumentException("image metrics need the real data: pass --data DIR or set JGAN_DATA");
    }
    Dataset validationSplit = NamedDatasets.evaluationSplit(samples.dataset(), settings.dataDir(), Split.VALIDATION,
        samples.exampleShape());
    Dataset scored;
    int first;
    if (settings.split() == Split.TEST) {
      validation = validationSplit;
      scored = NamedDatasets.evaluationSplit(samples.dataset(), settings.dataDir(), Split.TEST, samples.exampleShape());
      first = 0;
    } else {
      // The validation split stands in for the test split: its first images choose, the rest are scored.
      first = EvalSettings.heldBack(validationSplit.size());
      if (first < 1) {
        throw new IllegalArgumentException(validationSplit.name() + " holds " + validationSplit.size() + " image(s);"
            + " scoring the validation split needs at least 2: some choose the metrics' settings, the others are scored");
      }
      validation = slice(validationSplit, 0, first);
      scored = validationSplit;
    }
    int end = settings.realImages() == EvalSettings.ALL_IMAGES ? scored.size()
        : Math.min(scored.size(), first + settings.realImages());
    test = first == 0 && end == scored.size() ? scored : slice(scored, first, end);
  }

  /** Images [from, to) of {@code split}, named by their range so that protocols say which were used. */
  private static Dataset slice(Dataset split, int from, int to) {
    Dataset part = split.slice(from, to);
    return new Dataset(part.name() + "[" + from + ":" + to + "]", part.exampleShape(), part.values(), part.labels());
  }

  /** Releases the classifier, if one was loaded. */
  @Override
  public void close() {
    if (classifier != null && ownsClassifier) {
      classifier.close();
    }
  }
}
