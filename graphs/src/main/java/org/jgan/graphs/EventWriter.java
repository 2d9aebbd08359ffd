package org.jgan.graphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.op.summary.WriteImageSummary;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * TensorBoard event files written by TensorFlow's own summary ops, in a small graph and session of
 * their own (so nothing is added to a training graph whose session has started). Close it.
 */
public final class EventWriter implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> value;
  private final Placeholder<TUint8> image;
  private final Op writeScalar;
  private final Op writeImage;
  private final Op flush;
  private final Op closeWriter;

  /** Opens a new event file in {@code logDir} (created if missing); a failure names the folder. */
  public EventWriter(Path logDir) throws IOException {
    this(logDir, ".v2");
  }

  /** Opens a new event file whose name ends in {@code suffix}; tests use an impossible one. */
  EventWriter(Path logDir, String suffix) throws IOException {
    Files.createDirectories(logDir);
    graph = new Graph();
    Session opened = null;
    try {
      Ops tf = Ops.create(graph);
      Operand<?> writer = tf.summary.summaryWriter(SummaryWriter.sharedName("jgan_event_writer"));
      step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      tag = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
      value = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      image = tf.placeholder(TUint8.class, Placeholder.shape(Shape.unknown()));
      Op create = tf.summary.createSummaryFileWriter(writer, tf.constant(logDir.toAbsolutePath().toString()),
          tf.constant(10), tf.constant(60_000), tf.constant(suffix));
      writeScalar = tf.summary.writeScalarSummary(writer, step, tag, value);
      Operand<TUint8> badColor = tf.constant(new byte[] {(byte) 255, 0, 0, (byte) 255});
      writeImage = tf.summary.writeImageSummary(writer, step, tag, image, badColor, WriteImageSummary.maxImages(1L));
      flush = tf.summary.flushSummaryWriter(writer);
      closeWriter = tf.summary.closeSummaryWriter(writer);
      // Here, not on a sweep cell's worker: the event file belongs on this machine, as the run folder does.
      opened = Sessions.openHere(graph, SessionSettings.cpu(1));
      run(opened.runner().addTarget(create));
      session = opened;
    } catch (RuntimeException e) {
      // The session first: closing a graph that a session still holds waits for ever.
      if (opened != null) {
        opened.close();
      }
      graph.close();
      throw AtomicFiles.failure("cannot open an event file in", logDir, e);
    }
  }

  /** Writes scalar {@code value} under {@code tag} at {@code step}. */
  public void scalar(String tagName, long stepValue, float scalar) {
    try (TInt64 s = TInt64.scalarOf(stepValue); TString t = TString.scalarOf(tagName);
        TFloat32 v = TFloat32.scalarOf(scalar)) {
      run(session.runner().feed(step, s).feed(tag, t).feed(value, v).addTarget(writeScalar));
    }
  }

  /** Writes one RGB image ({@code height * width * 3} bytes, row-major) under {@code tag} at {@code step}. */
  public void image(String tagName, long stepValue, byte[] rgb, int height, int width) {
    if (rgb.length != height * width * 3) {
      throw new IllegalArgumentException(rgb.length + " bytes are not a " + height + "x" + width + " RGB image");
    }
    try (TInt64 s = TInt64.scalarOf(stepValue); TString t = TString.scalarOf(tagName);
        TUint8 pixels = TUint8.tensorOf(Shape.of(1, height, width, 3), DataBuffers.of(rgb, true, false))) {
      run(session.runner().feed(step, s).feed(tag, t).feed(image, pixels).addTarget(writeImage));
    }
  }

  /** Writes everything queued to disk. */
  public void flush() {
    run(session.runner().addTarget(flush));
  }

  private static void run(Session.Runner runner) {
    try (Result ignored = runner.run()) {
      // Targets only: nothing fetched.
    }
  }

  /** Flushes and closes the event file, then the session and graph. */
  @Override
  public void close() {
    try {
      run(session.runner().addTarget(closeWriter));
    } finally {
      session.close();
      graph.close();
    }
  }
}
