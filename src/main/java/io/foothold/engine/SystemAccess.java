package io.foothold.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine work on behalf of Foothold itself (granting case access, reading the directory),
 * with authorization checks off. Inside a running engine command it reuses that command's context,
 * so the work joins the caller's transaction.
 */
@Component
public class SystemAccess {

  private final ProcessEngine engine;

  public SystemAccess(ProcessEngine engine) {
    this.engine = engine;
  }

  public <T> T call(Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  public ProcessEngine engine() {
    return engine;
  }
}
