package io.foothold.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each test of a {@link FootholdSpringTest}, every case the test opened (and what the cases called) must have
 * stored no variable Java-serialized, in any version: Tasklist could not complete a step of such a case
 * (see {@link StoredValues}). Register it with {@code @ExtendWith(NoJavaSerializedVariables.class)}.
 */
public final class NoJavaSerializedVariables implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoJavaSerializedVariables.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    // a second's slack: the engine's start times and this clock may round differently
    context.getStore(NAMESPACE).put("testBegan", new Date(System.currentTimeMillis() - 1000));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Date testBegan = context.getStore(NAMESPACE).get("testBegan", Date.class);
    HistoryService history = SpringExtension.getApplicationContext(context).getBean(HistoryService.class);
    for (var walked : history.createHistoricProcessInstanceQuery().startedAfter(testBegan).rootProcessInstances().list()) {
      assertThat(StoredValues.javaSerialized(history, walked.getId()))
          .as("variables of case %s stored Java-serialized", walked.getId()).isEmpty();
    }
  }
}
