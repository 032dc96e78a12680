package io.foothold.modelguard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link ModelCheck}. A ParseException, so Camunda's REST API answers 400 with a
 * report per file (element ids and messages) and nothing of the deployment is stored.
 */
public class ModelRefusedException extends ParseException {

  private static final long serialVersionUID = 1L;

  private final transient List<ModelProblem> problems;

  public ModelRefusedException(List<ModelProblem> problems) {
    super(summary(problems), problems.get(0).file(), List.of(), List.of());
    this.problems = List.copyOf(problems);
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    problems.forEach(problem -> byFile.computeIfAbsent(problem.file(), f -> new ArrayList<>()).add(new Report(problem)));
    List<ResourceReport> reports = new ArrayList<>();
    byFile.forEach((file, errors) -> reports.add(new FileReport(file, errors)));
    this.resorceReports = reports;
  }

  public List<ModelProblem> problems() {
    return problems;
  }

  private static String summary(List<ModelProblem> problems) {
    return "The deployment was refused, nothing of it was deployed: "
        + String.join("; ", problems.stream().map(ModelProblem::toString).toList());
  }

  private record Report(ModelProblem problem) implements Problem {
    @Override
    public String getMessage() {
      return problem.rule().id() + ": " + problem.message();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return problem.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return problem.elementId() == null ? List.of() : List.of(problem.elementId());
    }
  }

  private record FileReport(String file, List<Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() {
      return file;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
