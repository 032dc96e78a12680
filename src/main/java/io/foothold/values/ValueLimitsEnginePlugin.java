package io.foothold.values;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.foothold.engine.CauseUnwrapper;
import io.foothold.engine.CommandInterceptors;

/**
 * Holds every variable write to {@link InputLimits} (text size, control characters, JSON, no serialized objects) and
 * stores objects as JSON ({@link JsonObjectValues}), whoever writes: forms, REST variables endpoints, listeners,
 * delegates, the Java API.
 */
@Component
public class ValueLimitsEnginePlugin extends AbstractProcessEnginePlugin {

  private final InputLimits limits;

  /** For engines built without Spring (e.g. camunda.cfg.xml): the database's text limit. */
  public ValueLimitsEnginePlugin() {
    this(InputLimits.DATABASE_TEXT_COLUMN);
  }

  @Autowired
  ValueLimitsEnginePlugin(@Value("${" + InputLimits.PROPERTY + ":" + InputLimits.DATABASE_TEXT_COLUMN + "}") int maxTextLength) {
    this.limits = new InputLimits(maxTextLength);
  }

  /** A value refused inside a task listener reaches the caller as itself, not wrapped by the engine. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptors.add(configuration, new CauseUnwrapper(RefusedValueException.class));
  }

  /** After init the engine has built its serializers (Spin's JSON included); every variable write passes the limits first. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setVariableTypes(new LimitedVariableSerializers(configuration.getVariableSerializers(), limits));
  }
}
