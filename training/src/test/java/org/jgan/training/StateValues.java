package org.jgan.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgan.graphs.Tensors;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/** A trainer's variables by name (weights, slots), for comparing two trainers. */
final class StateValues {
  private StateValues() {}

  static TreeMap<String, float[]> byName(Trainer trainer) {
    TreeMap<String, float[]> values = new TreeMap<>();
    List<String> names = new ArrayList<>();
    trainer.model().context().graph().operations().forEachRemaining(op -> {
      if (op.type().equals("VariableV2") && op.output(0).dataType().name().startsWith("DT_FLOAT")) {
        names.add(op.name());
      }
    });
    for (String name : names) {
      try (Result r = trainer.session().runner().fetch(name).run()) {
        values.put(name, Tensors.toFloats((TFloat32) r.get(0)));
      }
    }
    return values;
  }

  static List<float[]> all(Trainer trainer) {
    return new ArrayList<>(byName(trainer).values());
  }

  /** Every variable's bytes (any type: counters too) by name, for bit-for-bit comparisons. */
  static Map<String, byte[]> bytesByName(Trainer trainer) {
    List<GraphOperation> variableOps = new ArrayList<>();
    trainer.model().context().graph().operations().forEachRemaining(op -> {
      if (op.type().equals("VariableV2")) {
        variableOps.add(op);
      }
    });
    // One run for all: each distinct fetch list costs TensorFlow a new executor.
    var runner = trainer.session().runner();
    variableOps.forEach(op -> runner.fetch(op.output(0)));
    Map<String, byte[]> variables = new TreeMap<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < variableOps.size(); i++) {
        Tensor t = result.get(i);
        byte[] bytes = new byte[(int) t.numBytes()];
        t.asRawTensor().data().read(bytes);
        variables.put(variableOps.get(i).name(), bytes);
      }
    }
    return variables;
  }
}
