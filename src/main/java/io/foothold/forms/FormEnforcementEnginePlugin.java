package io.foothold.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the engine enforce Camunda Form rules on task completion and process start, whatever the
 * entry point (Tasklist, REST, Java API); Camunda itself checks them only in the browser. People write only what
 * the form of their step declares ({@link PersonWriteGuard}). Also holds every
 * variable write to {@link InputLimits} (text size, control characters, JSON, no serialized objects).
 */
@Component
public class FormEnforcementEnginePlugin extends AbstractProcessEnginePlugin {

  private final DeployedFormSchemas schemas = new DeployedFormSchemas();
  private final FormEnforcement enforcement;
  private final InputLimits limits;

  /** For engines built without Spring (e.g. camunda.cfg.xml): no dynamic option sources, the database's text limit. */
  public FormEnforcementEnginePlugin() {
    this(FormOptionsSources.none(), InputLimits.DATABASE_TEXT_COLUMN);
  }

  @Autowired
  public FormEnforcementEnginePlugin(FormOptionsSources optionsSources,
      @Value("${" + InputLimits.PROPERTY + ":" + InputLimits.DATABASE_TEXT_COLUMN + "}") int maxTextLength) {
    this.enforcement = new FormEnforcement(schemas, optionsSources);
    this.limits = new InputLimits(maxTextLength);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
    parseListeners.add(new FormEnforcementParseListener(enforcement));

    List<CommandInterceptor> txRequired = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (txRequired == null) {
      txRequired = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(txRequired);
    }
    txRequired.add(new FormViolationUnwrapper());
    txRequired.add(new OuterCommand());

    // Inside the command context, where forms, tasks and the signed-in person can be looked up.
    List<CommandInterceptor> inContext = configuration.getCustomPostCommandInterceptorsTxRequired();
    if (inContext == null) {
      inContext = new ArrayList<>();
      configuration.setCustomPostCommandInterceptorsTxRequired(inContext);
    }
    inContext.add(new PersonWriteGuard(schemas));
  }

  /** After init the engine has built its serializers (Spin's JSON included); every variable write passes the limits first. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setVariableTypes(new LimitedVariableSerializers(configuration.getVariableSerializers(), limits));
  }
}
