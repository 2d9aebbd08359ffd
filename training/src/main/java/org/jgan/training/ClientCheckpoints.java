package org.jgan.training;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.Sessions;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.DataType;

/**
 * Checkpoints of a session whose variables live in other processes, written by this one.
 *
 * <p>TensorFlow would save a remote session's variables on the master task's file system, which
 * the client may not see. Instead a local graph mirrors every variable (same name, type and
 * shape): {@link #pull} fetches the remote values into it, so the usual checkpoint store saves them
 * here with its atomic writes; {@link #push} sends restored values back. The files are the
 * single-machine trainer's, so a checkpoint moves freely between a cluster run and a local one.
 * Used for data-parallel towers on a cluster and for a sweep cell whose graph runs on a worker.
 */
final class ClientCheckpoints implements AutoCloseable {
  private final Session remote;
  private final List<String> variables = new ArrayList<>();
  /** In the remote graph: by variable, the placeholder and assign that write it. */
  private final List<String> remoteInputs = new ArrayList<>();
  private final List<String> remoteAssigns = new ArrayList<>();
  private final Graph localGraph = new Graph();
  private final List<String> localInputs = new ArrayList<>();
  private final List<String> localAssigns = new ArrayList<>();
  private final Session local;

  /**
   * Mirrors every variable of {@code graph}, adding to it the ops that write them. Build it before
   * {@code remote} first runs.
   */
  ClientCheckpoints(Graph graph, Session remote) {
    this.remote = remote;
    List<GraphOperation> found = new ArrayList<>();
    graph.operations().forEachRemaining(op -> {
      if (op.type().equals("VariableV2")) {
        found.add((GraphOperation) op);
      }
    });
    for (GraphOperation variable : found) {
      String name = variable.name();
      variables.add(name);
      String device = variable.device();
      remoteInputs.add(writer(graph, variable, name, device, remoteAssigns));
      GraphOperation mirror = (GraphOperation) localGraph.opBuilder("VariableV2", name, org.tensorflow.op.Ops.create(localGraph).scope())
          .setAttr("dtype", valueType(variable))
          .setAttr("shape", variable.output(0).shape())
          .build();
      localInputs.add(writer(localGraph, mirror, name, "", localAssigns));
    }
    // Here even in a sweep cell, whose other sessions run on its worker: the point is this machine's disk.
    this.local = Sessions.openHere(localGraph, SessionSettings.cpu(1));
  }

  /** Adds a placeholder and an assign writing {@code variable}; returns the placeholder's name. */
  private static String writer(Graph graph, Operation variable, String name, String device, List<String> assigns) {
    String input = name + "/client_checkpoint_value";
    org.tensorflow.op.Scope scope = org.tensorflow.op.Ops.create(graph).scope();
    var placeholder = graph.opBuilder("Placeholder", input, scope).setAttr("dtype", valueType(variable));
    var assign = graph.opBuilder("Assign", name + "/client_checkpoint_assign", scope)
        .addInput(variable.output(0)).addInput(placeholder.setDevice(device).build().output(0));
    assigns.add(assign.setDevice(device).build().name());
    return input;
  }

  /** A variable's value type: its output is the reference type, numbered 100 above it. */
  private static DataType valueType(Operation variable) {
    DataType type = variable.output(0).dataType();
    return type.getNumber() > 100 ? DataType.forNumber(type.getNumber() - 100) : type;
  }

  /** Copies every remote variable into the mirror and returns the mirror's session, to save from. */
  Session pull() {
    copy(remote, local, localInputs, localAssigns);
    return local;
  }

  /** The mirror's session, to restore into before {@link #push}. */
  Session mirror() {
    return local;
  }

  /** Copies every mirrored variable to the remote session. */
  void push() {
    copy(local, remote, remoteInputs, remoteAssigns);
  }

  private void copy(Session from, Session to, List<String> inputs, List<String> assigns) {
    if (variables.isEmpty()) {
      return;
    }
    Session.Runner fetch = from.runner();
    variables.forEach(fetch::fetch);
    try (Result values = fetch.run()) {
      Session.Runner write = to.runner();
      for (int i = 0; i < variables.size(); i++) {
        Tensor value = values.get(i);
        write.feed(inputs.get(i), value);
        write.addTarget(assigns.get(i));
      }
      write.run().close();
    }
  }

  @Override
  public void close() {
    local.close();
    localGraph.close();
  }
}
