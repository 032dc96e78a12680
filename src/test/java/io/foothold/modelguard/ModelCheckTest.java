package io.foothold.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The deployment check alone: what a model may not do, and that every built-in model does none of it. */
class ModelCheckTest {

  /** As in the application: two contributed beans, one other Spring bean. */
  static final ModelBeans BEANS = new ModelBeans() {
    private final Map<String, Object> offered = Map.of("workingDays", new Object(), "people", new Object());

    @Override
    public Optional<Object> find(String name) {
      return Optional.ofNullable(offered.get(name));
    }

    @Override
    public boolean isReserved(String name) {
      return ModelBeans.super.isReserved(name) || name.equals("playbookDeployer");
    }
  };

  static HostileModels.Hostile[] hostile() {
    return HostileModels.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void everyHostileModelIsRefusedNamingItsElement(HostileModels.Hostile model) {
    List<ModelProblem> problems = ModelCheck.check("hostile.bpmn", model.bytes(), BEANS);

    assertThat(problems).isNotEmpty();
    assertThat(problems).allSatisfy(problem -> {
      assertThat(problem.file()).isEqualTo("hostile.bpmn");
      assertThat(problem.elementId()).isEqualTo(model.elementId());
      assertThat(problem.message()).isNotBlank();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${managerId}", "${choice == 'a' and reviewed}", "${workingDays.after(smallWinDays + 1)}",
      "${execution.setVariable('caseOutcome', recovered ? 'recovered' : 'closed')}",
      "${execution.hasVariable('x') ? null : execution.setVariable('x', 4)}",
      "${execution.setVariableLocal('a', execution.getVariableTyped('b'))}", "${task.setVariableLocal('loopStep', 'ship')}",
      "${people.employeeOrManager(employeeId, managerId)}", "${gate.gateReason}", "${execution.processBusinessKey}",
      "${execution.getProcessInstanceId()}", "${now()}", "${S(json).prop('x').stringValue()}", "${list[0]}", "${map['key']}",
      "#{authenticatedUserId}"})
  void whatTheBuiltInModelsDoIsAllowed(String expression) {
    assertThat(ModelCheck.checkExpression(expression, BEANS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${identityService}", "${playbookDeployer.deployAll()}", "${execution.processEngineServices}",
      "${execution.getProcessEngine()}", "${task.processEngineServices}", "${task.execution.processEngineServices}",
      "${execution['processEngineServices']}", "${x.class}", "${''.getClass()}", "${S(json).mapTo('java.lang.ProcessBuilder')}",
      "${execution.processInstance}", "${execution.getBpmnModelInstance()}", "${externalTask.processEngineServices}",
      "${runtime:exec('x')}", "${execution[name]}"})
  void whatReachesPastTheModelIsRefused(String expression) {
    assertThat(ModelCheck.checkExpression(expression, BEANS)).as(expression).isNotEmpty();
  }

  @Test
  void aDecisionInAScriptLanguageIsRefused() {
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="x">
          <decision id="Decide" name="Decide">
            <decisionTable id="Table">
              <input id="In"><inputExpression id="InExpr" typeRef="string" expressionLanguage="groovy"><text>x</text></inputExpression></input>
              <output id="Out" name="out" typeRef="string"/>
            </decisionTable>
          </decision>
        </definitions>
        """;

    List<ModelProblem> problems = ModelCheck.check("d.dmn", dmn.getBytes(), BEANS);

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.elementId()).isEqualTo("InExpr");
      assertThat(problem.rule()).isEqualTo(ModelProblem.Rule.NO_SCRIPTS);
      assertThat(problem.message()).contains("FEEL").contains("groovy");
    });
  }

  @Test
  void caseModelsAreRefused() {
    assertThat(ModelCheck.check("case.cmmn", "<definitions/>".getBytes(), BEANS)).singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("CMMN"));
  }

  @Test
  void everyBuiltInModelPasses() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      List<Path> models = files.filter(f -> ModelCheck.reads(f.toString())).toList();
      assertThat(models).hasSizeGreaterThan(5);
      for (Path model : models) {
        assertThat(ModelCheck.check(model.toString(), Files.readAllBytes(model), BEANS)).as(model.toString()).isEmpty();
      }
    }
  }
}
