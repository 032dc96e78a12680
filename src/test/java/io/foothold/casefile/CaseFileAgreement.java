package io.foothold.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one statement of what the case file holds for a case, whichever database it is on: the row its history
 * describes, and the open steps, timers and ratings the engine has.
 */
final class CaseFileAgreement {

  private CaseFileAgreement() {
  }

  static void assertAgrees(CaseFiles caseFiles, CaseHistory history, String caseId, String playbook) {
    assertThat(caseFiles.of(caseId)).as(caseId).contains(fromHistory(history, caseId, playbook));
    assertThat(caseFiles.steps(caseId)).as("open steps of " + caseId).containsExactlyInAnyOrderElementsOf(history.openSteps(caseId));
    assertThat(caseFiles.timers(caseId)).as("timers of " + caseId).containsExactlyInAnyOrderElementsOf(history.timers(caseId));
    assertThat(caseFiles.ratings(caseId)).as("ratings of " + caseId).containsExactlyElementsOf(history.ratings(caseId));
  }

  /** The walked case that waits at its check-in timer after ratings 2 and 4, as both databases must keep it. */
  static void assertWaitsAtItsCheckInTimerAfterRatingsTwoAndFour(CaseFiles caseFiles, String caseId) {
    assertThat(caseFiles.timers(caseId)).as("the case at its check-in timer").singleElement()
        .extracting(CaseTimer::name).isEqualTo("Next check-in due");
    assertThat(caseFiles.of(caseId).orElseThrow().nextDate()).as("its next date is the timer's")
        .isEqualTo(caseFiles.timers(caseId).get(0).dueAt()).isNotNull();
    assertThat(caseFiles.ratings(caseId)).extracting(CaseRating::value).containsExactly(2.0, 4.0);
    assertThat(caseFiles.of(caseId).orElseThrow().supports()).as("the supports chosen").isNotEmpty();
  }

  /**
   * The row as history describes the case: the instance's times, key and name, the facts written on the case itself,
   * its newest open task (the task id breaks a tie) as the current step, and the next date from its open tasks, else
   * its timers.
   */
  static CaseFile fromHistory(CaseHistory history, String caseId, String playbook) {
    CaseHistory.Instance instance = history.instance(caseId);
    Map<String, Object> facts = history.facts(caseId);
    List<CaseStep> openSteps = history.openSteps(caseId);
    String currentStep = openSteps.stream()
        .sorted(Comparator.comparing(CaseStep::createdAt).thenComparing(CaseStep::taskId).reversed())
        .map(CaseStep::name).findFirst().orElse(null);
    boolean ended = instance.endedAt() != null;
    String outcome = ended ? String.valueOf(facts.get("caseOutcome")) : "open";
    Instant nextDate = Stream.concat(openSteps.stream().map(CaseStep::dueAt).filter(Objects::nonNull).sorted().limit(1),
        history.timers(caseId).stream().map(CaseTimer::dueAt).filter(Objects::nonNull).sorted().limit(1)).findFirst().orElse(null);
    return new CaseFile(caseId, playbook, instance.processKey(), (String) facts.get("managerId"), (String) facts.get("employeeId"),
        (String) facts.get("employeeName"), instance.startedAt(), instance.endedAt(), outcome,
        Boolean.TRUE.equals(facts.get("escalated")) || "escalated".equals(outcome), currentStep, instance.processName(), nextDate,
        supports(facts.get("chosenSupports")));
  }

  /** The ids in the chosenSupports variable as history returns it: a list, or a JSON array (a Json variable). */
  private static List<String> supports(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> ids) {
      return ids.stream().map(String::valueOf).toList();
    }
    try {
      JsonNode array = new ObjectMapper().readTree(value.toString());
      return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).asText()).toList();
    } catch (Exception e) {
      throw new AssertionError("chosenSupports is neither a list nor JSON: " + value, e);
    }
  }
}
