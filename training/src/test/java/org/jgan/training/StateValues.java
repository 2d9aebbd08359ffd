package org.jgan.training;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jgan.graphs.Tensors;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/** Every float variable of a trainer's graph by name (weights, slots), for comparing two trainers. */
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
}
