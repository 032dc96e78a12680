package io.foothold.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules at run time, on an engine without Spring (as the process tests build it): what the deployment check
 * cannot see in the text — a member named by a variable, an engine object handed back by a bean — is refused when
 * the expression runs, and no script engine exists.
 */
class GuardedExpressionsTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  /** A contributed bean that hands back whatever it is given (an engine object, here). */
  public static class Echo {
    public Object of(Object value) {
      return value;
    }
  }

  private String deploymentId;

  @BeforeEach
  void registerBeans() {
    Mocks.register("echo", new Echo());
  }

  @AfterEach
  void cleanUp() {
    Mocks.reset();
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId("dana").count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"processEngineServices", "processInstance", "bpmnModelInstance", "class"})
  void anEngineMemberNamedOnlyAtRunTimeIsRefused(String member) {
    startWith("${execution.setVariable('reached', echo.of(execution)[member])}");

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("Guarded", Map.of("member", member)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("expressions may");
  }

  @Test
  void aSimpleFactAboutTheStepNamedAtRunTimeIsRead() {
    startWith("${execution.setVariable('reached', echo.of(execution)[member])}");

    String instance = engine.getRuntimeService().startProcessInstanceByKey("Guarded", "case-7", Map.of("member", "processBusinessKey")).getId();

    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("reached")
        .singleResult().getValue()).isEqualTo("case-7");
  }

  @Test
  void aReflectiveMethodNamedAtRunTimeIsRefused() {
    startWith("${execution.setVariable('reached', echo.of('text')[method]())}");

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("Guarded", Map.of("method", "getClass")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("expressions may not use 'getClass'");
  }

  @Test
  void aNameThatIsNeitherAVariableNorAContributedBeanDoesNotResolve() {
    startWith("${execution.setVariable('reached', echo.of(notContributed))}");

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("Guarded"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("notContributed");
  }

  @Test
  void theTasklistFiltersExpressionsStillEvaluate() {
    var filters = engine.getFilterService();
    var query = engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}")
        .dueBeforeExpression("${dateTime().plusWeeks(1).toDate()}");
    String filterId = filters.saveFilter(filters.newTaskFilter("Due this week").setQuery(query)).getId();
    engine.getIdentityService().setAuthenticatedUserId("maya");
    try {
      assertThat(filters.count(filterId)).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
      filters.deleteFilter(filterId);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"juel", "javascript", "groovy", "python"})
  void noScriptEngineExists(String language) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();

    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired()
        .execute(context -> configuration.getScriptingEngines().getScriptEngineForLanguage(language)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Can't find scripting engine");
  }

  static HostileModels.Hostile[] hostile() {
    return HostileModels.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void theJavaApiRefusesEveryHostileModel(HostileModels.Hostile model) {
    long before = engine.getRepositoryService().createDeploymentQuery().count();

    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString("hostile.bpmn", model.xml()).deploy())
        .isInstanceOf(ParseException.class).hasMessageContaining("hostile.bpmn [" + model.elementId() + "]");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  private void startWith(String expression) {
    HostileModels.Hostile model = HostileModels.serviceTask("guarded", expression);
    String xml = model.xml().replace("id=\"" + model.processKey() + "\"", "id=\"Guarded\"");
    deploymentId = engine.getRepositoryService().createDeployment().addString("guarded.bpmn", xml).deploy().getId();
  }
}
