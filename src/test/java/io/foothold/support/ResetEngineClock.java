package io.foothold.support;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the engine clock back to real time after each test ({@code @ExtendWith(ResetEngineClock.class)}): a test that
 * lets timers fall due moves it, and the tests after it share the engine.
 */
public final class ResetEngineClock implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
