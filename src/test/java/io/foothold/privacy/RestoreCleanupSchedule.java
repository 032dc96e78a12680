package io.foothold.privacy;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each retention test ({@code @ExtendWith(RestoreCleanupSchedule.class)}): the engine clock back to real time
 * and history cleanup scheduled for its next real night window again, so the cleanup job is not left due in the past
 * for the tests that share the engine.
 */
final class RestoreCleanupSchedule implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    spring.getBean(HistoryService.class).cleanUpHistoryAsync(false);
    spring.getBean(HistoryRetention.class).apply();
  }
}
