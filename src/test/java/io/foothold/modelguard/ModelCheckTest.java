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

  @Test
  void theSameBytesAreParsedOnceButCheckedEachTimeWithTheBeansOfTheMoment() {
    // given a model never seen before, calling a bean the application reserves in one setting and not in another
    HostileModels.Hostile model = HostileModels.serviceTask("named " + System.nanoTime(), "${playbookDeployer.run()}");
    long before = ModelCheck.parses();
    ModelBeans reserving = BEANS;
    ModelBeans notReserving = name -> Optional.empty();

    // when the lint rules check it (twice, one per rule) and then a check with other beans reads the same bytes
    List<ModelProblem> lintedFirst = ModelCheck.check("named.bpmn", model.bytes(), reserving);
    List<ModelProblem> lintedAgain = ModelCheck.check("named.bpmn", model.bytes(), reserving);
    List<ModelProblem> otherBeans = ModelCheck.check("named.bpmn", model.bytes(), notReserving);

    // then its bytes were parsed once, and each check judged with the beans it was given
    assertThat(ModelCheck.parses() - before).isEqualTo(1);
    assertThat(lintedFirst).singleElement().satisfies(problem -> assertThat(problem.elementId()).isEqualTo("Task_Call"));
    assertThat(lintedAgain).isEqualTo(lintedFirst);
    assertThat(otherBeans).isEmpty();
  }
}
