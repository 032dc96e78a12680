package io.foothold.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

import io.foothold.values.RefusedValueException.RefusedValue;

/** What any variable value may be: each limit refuses with its own rule name and a sentence naming the variable. */
class InputLimitsTest {

  private final InputLimits limits = new InputLimits(10);

  @Test
  void valuesWithinTheLimitsPass() {
    assertThatCode(() -> {
      limits.check("note", Variables.stringValue("ten chars."));
      limits.check("note", Variables.stringValue("tab\tand\r\nbreaks".substring(0, 10)));
      limits.check("supports", Variables.serializedObjectValue("[\"a\"]").serializationDataFormat("application/json")
          .objectTypeName("java.util.ArrayList<java.lang.String>").create());
    }).doesNotThrowAnyException();
  }

  @Test
  void eachBrokenLimitNamesTheVariableAndTheRule() {
    assertThat(refusal("note", Variables.stringValue("eleven char"))).isEqualTo("maxTextLength");
    assertThat(refusal("note", Variables.stringValue("bell\u0007"))).isEqualTo("controlCharacters");
    assertThat(refusal("note", Variables.stringValue("half \uD800"))).isEqualTo("unicode");
    assertThat(refusal("blob", Variables.byteArrayValue(new byte[InputLimits.MAX_BINARY_BYTES + 1]))).isEqualTo("maxBytes");
    assertThat(refusal("list", Variables.serializedObjectValue("[1,").serializationDataFormat("application/json")
        .objectTypeName("java.util.ArrayList").create())).isEqualTo("json");
    assertThat(refusal("gadget", Variables.serializedObjectValue("rO0AB").serializationDataFormat("application/x-java-serialized-object")
        .objectTypeName("com.example.Gadget").create())).isEqualTo("type");
  }

  @Test
  void theRefusalSaysWhatToChange() {
    assertThatThrownBy(() -> limits.check("note", Variables.stringValue("eleven char")))
        .isInstanceOfSatisfying(RefusedValueException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("The value is refused: Variable 'note' has 11 characters; at most 10 are"
              + " accepted (" + InputLimits.PROPERTY + ")");
          assertThat(e.refused()).extracting(RefusedValue::variable).containsExactly("note");
        });
  }

  @Test
  void aTooLongNameIsShownShortened() {
    String name = "n".repeat(InputLimits.MAX_NAME_LENGTH + 1);

    assertThatThrownBy(() -> limits.check(name, Variables.stringValue("x")))
        .isInstanceOfSatisfying(RefusedValueException.class, e -> assertThat(e.refused()).singleElement().satisfies(refused -> {
          assertThat(refused.rule()).isEqualTo("nameLength");
          assertThat(refused.variable()).isEqualTo("n".repeat(40) + "…");
        }));
  }

  @Test
  void theTextLimitCannotExceedTheDatabaseColumn() {
    assertThatThrownBy(() -> new InputLimits(InputLimits.DATABASE_TEXT_COLUMN + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(InputLimits.PROPERTY);
  }

  private String refusal(String name, TypedValue value) {
    try {
      limits.check(name, value);
    } catch (RefusedValueException e) {
      assertThat(e.refused()).singleElement().extracting(RefusedValue::variable).isEqualTo(name);
      return e.refused().get(0).rule();
    }
    throw new AssertionError(name + " passed the limits");
  }
}
