package io.foothold.playbooks.microconfidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evidence-log bean on its own, against an execution whose variables live in a map. */
class EvidenceLogTest {

  final EvidenceLog bean = new EvidenceLog();
  final Map<String, Object> vars = new HashMap<>();
  DelegateExecution execution;

  @BeforeEach
  void fakeExecution() {
    execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(i -> {
      Object v = vars.get(i.<String>getArgument(0));
      // the engine hands back the deserialized value, not the typed wrapper
      return v instanceof ObjectValue ov ? ov.getValue() : v instanceof TypedValue tv ? tv.getValue() : v;
    });
    doAnswer(i -> vars.put(i.getArgument(0), i.getArgument(1))).when(execution).setVariable(anyString(), any());
    doAnswer(i -> vars.remove(i.<String>getArgument(0))).when(execution).removeVariable(anyString());
  }

  @Test
  void beginSetsDefaultsAndAnEmptyJsonLog() {
    // when
    bean.begin(execution);

    // then
    assertThat(vars).containsEntry("loopWeeks", 2).containsEntry("microLoopDaysShipped", 0)
        .containsEntry("dayInWeek", 0).containsEntry("weeksCompleted", 0).containsEntry("microLoopCompleted", false);
    ObjectValue log = (ObjectValue) vars.get(EvidenceLog.VARIABLE);
    assertThat(log.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat((List<?>) log.getValue()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"null,2", "0,2", "1,1", "3,3", "8,8", "20,8", "'4',4"})
  void loopWeeksDefaultsToTwoAndStaysWithinOneToEight(Object given, int expected) {
    assertThat(EvidenceLog.loopWeeks(given)).isEqualTo(expected);
  }

  @Test
  void appendLogsShippedAndMissedDaysAndCountsThem() {
    // given
    bean.begin(execution);

    // when
    ship("yes", "Sent the email.", 2);
    ship("no", "Ill in bed.", 1);
    ship(Boolean.TRUE, "Sent two.", 3);

    // then
    assertThat(vars).containsEntry("dayNumber", 3).containsEntry("dayInWeek", 3).containsEntry("microLoopDaysShipped", 2)
        .doesNotContainKeys("shippedToday", "evidenceNote", "effortRating");
    List<Map<String, Object>> log = EvidenceLog.read(((ObjectValue) vars.get(EvidenceLog.VARIABLE)).getValue());
    assertThat(log).hasSize(3);
    assertThat(log.get(1)).containsEntry("day", 2).containsEntry("shipped", false).containsEntry("note", "Ill in bed.").containsEntry("effort", 1);
    assertThat(EvidenceLog.logText(log)).isEqualTo(
        "Day 1: done (effort 2/5) - Sent the email.\nDay 2: not done (effort 1/5) - Ill in bed.\nDay 3: done (effort 3/5) - Sent two.");
  }

  @Test
  void readAcceptsAListAJsonStringOrASpinNode() {
    List<Map<String, Object>> expected = List.of(Map.of("day", 1, "shipped", true, "note", "ok"));
    assertThat(EvidenceLog.read(expected)).isEqualTo(expected);
    assertThat(EvidenceLog.read("[{\"day\":1,\"shipped\":true,\"note\":\"ok\"}]")).isEqualTo(expected);
    assertThat(EvidenceLog.read(Spin.JSON("[{\"day\":1,\"shipped\":true,\"note\":\"ok\"}]"))).isEqualTo(expected);
    assertThat(EvidenceLog.read(null)).isEmpty();
    assertThatThrownBy(() -> EvidenceLog.read("not json")).isInstanceOf(ProcessEngineException.class);
  }

  @ParameterizedTest
  @CsvSource({"1,1", "2,3", "3,4", "4,5", "5,7", "7,9", "10,13"})
  void theProposalIsThirtyPercentMoreRounded(int minutes, int proposed) {
    assertThat(EvidenceLog.proposedMinutes(minutes)).isEqualTo(proposed);
  }

  @ParameterizedTest
  @CsvSource({"5,6,true", "5,7.5,true", "5,5,false", "5,8,false", "10,12,true", "10,15,true", "10,16,false", "4,4.8,true", "4,4,false"})
  void growthMustBeTwentyToFiftyPercent(int minutes, double grown, boolean ok) {
    assertThat(EvidenceLog.growthWithinRange(minutes, grown)).isEqualTo(ok);
  }

  @Test
  void proposeGrowthPrefillsTheGrowthFields() {
    // given
    vars.put("actionMinutes", 5);
    vars.put("microAction", "Send one clarifying email.");
    vars.put("keepOriginal", true);

    // when
    bean.proposeGrowth(execution);

    // then
    assertThat(vars).containsEntry("proposedMinutes", 7).containsEntry("grownMinutes", 7)
        .containsEntry("grownAction", "Send one clarifying email.").containsEntry("keepOriginal", false);
  }

  @Test
  void applyGrowthReplacesTheActionAndCountsTheWeek() {
    // given
    vars.putAll(Map.of("actionMinutes", 5, "microAction", "Send one email.", "weeksCompleted", 0, "dayInWeek", 5,
        "grownMinutes", 7L, "grownAction", "Send one email and one chat message.", "keepOriginal", false));

    // when
    bean.applyGrowth(execution);

    // then
    assertThat(vars).containsEntry("actionMinutes", 7).containsEntry("microAction", "Send one email and one chat message.")
        .containsEntry("weeksCompleted", 1).containsEntry("dayInWeek", 0);
  }

  @Test
  void applyGrowthKeepsTheActionWhenAskedAndChecksTheRangeOtherwise() {
    // given
    vars.putAll(Map.of("actionMinutes", 5, "microAction", "Send one email.", "weeksCompleted", 1, "dayInWeek", 5,
        "grownMinutes", 20, "grownAction", "Way too much.", "keepOriginal", true));

    // when
    bean.applyGrowth(execution);

    // then
    assertThat(vars).containsEntry("actionMinutes", 5).containsEntry("microAction", "Send one email.").containsEntry("weeksCompleted", 2);

    // when / then: the same values without keepOriginal are rejected
    vars.put("keepOriginal", false);
    assertThatThrownBy(() -> bean.applyGrowth(execution)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("grownMinutes");
    vars.put("grownMinutes", 6);
    vars.put("grownAction", " ");
    assertThatThrownBy(() -> bean.applyGrowth(execution)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("grownAction");
  }

  @Test
  void prefillUsesTheSeedOnlyWhenNoActionIsThereYet() {
    vars.put("microActionSeed", "  Ask one question in planning.  ");
    bean.prefillAction(execution);
    assertThat(vars).containsEntry("microAction", "Ask one question in planning.");

    vars.put("microActionSeed", "Something else entirely.");
    bean.prefillAction(execution);
    assertThat(vars).containsEntry("microAction", "Ask one question in planning.");
  }

  @Test
  void finishBuildsTheResultsForTheCaller() {
    // given
    bean.begin(execution);
    vars.put("firstActionMinutes", 5);
    ship("yes", "a", 2);
    ship("no", "b", 2);
    vars.putAll(Map.of("weeksCompleted", 1, "actionMinutes", 7, "microAction", "Send one email and one chat message."));

    // when
    bean.prepareSummary(execution);
    bean.finish(execution);

    // then
    assertThat(vars).containsEntry("microLoopDaysShipped", 1).containsEntry("microLoopCompleted", true)
        .containsEntry("microLoopSummary",
            "Done on 1 of 2 days over 1 week. The action grew from 5 to 7 minutes. Current action: Send one email and one chat message.")
        .containsEntry("evidenceLogText", "Day 1: done (effort 2/5) - a\nDay 2: not done (effort 2/5) - b");
  }

  private void ship(Object shipped, String note, int effort) {
    vars.put("shippedToday", shipped);
    vars.put("evidenceNote", note);
    vars.put("effortRating", effort);
    bean.append(execution);
  }
}
