package io.foothold.forms;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches form enforcement to every user task and process start event that uses a Camunda Form.
 * Built-in listeners run before custom ones and cannot be skipped with skipCustomListeners.
 */
final class FormEnforcementParseListener extends AbstractBpmnParseListener {

  private final TaskListener onTaskComplete;
  private final ExecutionListener onProcessStart;

  FormEnforcementParseListener(FormEnforcement enforcement) {
    this.onTaskComplete = enforcement.onTaskComplete();
    this.onProcessStart = enforcement.onProcessStart();
  }

  @Override
  public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
    if (usesCamundaForm(userTask)
        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
          onTaskComplete);
    }
  }

  /**
   * On the process itself, not on its start event: the process's own start listeners run before the start event's,
   * and one that defaults or rewrites a submitted value (e.g. {@code loopWeeks}) would otherwise be checked in
   * place of what was submitted. Built-in listeners run before the model's own.
   */
  @Override
  public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
    // Start events of (event) subprocesses have no start form a person submits.
    if (scope instanceof ProcessDefinitionImpl && usesCamundaForm(startEvent)
        && !scope.getBuiltInListeners(ExecutionListener.EVENTNAME_START).contains(onProcessStart)) {
      scope.addBuiltInListener(ExecutionListener.EVENTNAME_START, onProcessStart);
    }
  }

  private static boolean usesCamundaForm(Element element) {
    String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    String formKey = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey");
    return formRef != null || (formKey != null && formKey.startsWith("camunda-forms:"));
  }
}
