package io.foothold.escalation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import io.foothold.playbook.PlaybookRegistry;
import io.foothold.security.Roles;

/**
 * Puts {@link EscalationListColumns} on every user task offered to HR, in every playbook (built-in or plugin), as the
 * engine parses it: no model needs editing and none can forget it. A built-in listener is engine code, not a model
 * expression, so the model guard's limits do not apply and skipCustomListeners cannot skip it.
 */
@Component
class EscalationListEnginePlugin extends AbstractProcessEnginePlugin {

  private final PlaybookRegistry playbooks;

  EscalationListEnginePlugin(PlaybookRegistry playbooks) {
    this.playbooks = playbooks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new HrTasks(new EscalationListColumns(playbooks)));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Finds the user tasks whose candidate groups name HR. */
  private static final class HrTasks extends AbstractBpmnParseListener {

    private final TaskListener listener;

    HrTasks(TaskListener listener) {
      this.listener = listener;
    }

    @Override
    public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
          && behavior.getTaskDefinition().getCandidateGroupIdExpressions().stream().map(Expression::getExpressionText)
              .anyMatch(Roles.HR::equals)) {
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    }
  }
}
