package io.foothold.api;


import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import io.foothold.engine.CommandInterceptors;

/** Puts {@link CallerMistakeTranslator} in front of every command the engine runs in a transaction. */
@Component
class CallerMistakesEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptors.addFirst(configuration, new CallerMistakeTranslator());
  }
}
