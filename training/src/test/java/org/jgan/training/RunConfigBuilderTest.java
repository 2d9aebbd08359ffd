package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/** A changed copy of a {@link RunConfig} changes the one field named and keeps every other. */
class RunConfigBuilderTest {
  @Test
  void aCopyWithNothingChangedEqualsTheOriginal() {
    for (RunConfig config : new RunConfig[] {RunConfigJsonTest.everyContinuousSetting(),
        RunConfigJsonTest.discreteSettings(), RunConfigJsonTest.ebganSettings(), RunConfigJsonTest.wganSettings(),
        RunConfigJsonTest.alphaGanSettings(), RunConfigJsonTest.wganGpSettings()}) {
      assertEquals(config, config.toBuilder().build());
    }
  }

  @Test
  void eachSetterChangesItsOwnFieldAndNoOther() throws Exception {
    RunConfig original = RunConfigJsonTest.everyContinuousSetting();
    RecordComponent[] components = RunConfig.class.getRecordComponents();
    for (RecordComponent changed : components) {
      Object value = otherValue(changed.getType(), changed.getAccessor().invoke(original));
      RunConfigBuilder builder = original.toBuilder();
      Method setter = RunConfigBuilder.class.getMethod(changed.getName(), changed.getType());
      RunConfig copy = ((RunConfigBuilder) setter.invoke(builder, value)).build();
      for (RecordComponent field : components) {
        Object before = field.getAccessor().invoke(original);
        Object after = field.getAccessor().invoke(copy);
        if (field.equals(changed)) {
          assertEquals(value, after, field.getName());
          assertNotEquals(before, after, field.getName());
        } else {
          assertEquals(before, after, "setting " + changed.getName() + " changed " + field.getName());
        }
      }
    }
  }

  @Test
  void aChangedCopyLeavesTheOriginalAsItWas() {
    RunConfig original = RunConfigJsonTest.wganSettings();
    long steps = original.steps();
    assertEquals(steps + 1, original.toBuilder().steps(steps + 1).build().steps());
    assertEquals(steps, original.steps());
  }

  /** A value of {@code type} unlike {@code current}. */
  private static Object otherValue(Class<?> type, Object current) {
    if (type == long.class || type == Long.class) {
      return current == null ? 11L : (Long) current + 1;
    }
    if (type == int.class || type == Integer.class) {
      return current == null ? 11 : (Integer) current + 1;
    }
    if (type == Float.class) {
      return current == null ? 0.125f : (Float) current * 2;
    }
    if (type == Double.class) {
      return current == null ? 0.25 : (Double) current * 2;
    }
    if (type == Boolean.class) {
      return current == null || !(Boolean) current;
    }
    if (type == String.class) {
      return current + "-changed";
    }
    throw new AssertionError("no other value for " + type);
  }
}
