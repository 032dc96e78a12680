package io.foothold.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdNode;
import io.foothold.support.RecoveryArcForms;

/**
 * The embedded default (H2 file, demo profile) killed with SIGKILL while a manager works: every step the
 * server acknowledged is there after a restart on the same file (WRITE_DELAY=0 writes each commit at once).
 * What this cannot show, and the README says: H2 does not fsync each commit, so an OS crash or power cut
 * can still lose the last ones.
 */
class EmbeddedCrashIT {

  @TempDir
  Path folder;

  @Test
  void acknowledgedStepsSurviveAHardKillOfTheEmbeddedDefault() throws Exception {
    Files.createDirectories(folder);
    List<String> cases = new ArrayList<>();
    List<String> acknowledgedDebriefs = new ArrayList<>();
    try (FootholdNode first = FootholdNode.embedded("h2-crash-1", folder).start()) {
      EngineRest maya = EngineRest.as(first.rest(), "maya");
      for (String employee : List.of("sam", "lea", "ravi", "sam", "lea", "ravi")) {
        String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase(employee));
        cases.add(caseId);
        maya.completeTask(caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
        acknowledgedDebriefs.add(caseId);
      }
      // The last acknowledgement and the kill follow each other at once: no quiet time for a delayed write.
      first.kill();
    }

    try (FootholdNode second = FootholdNode.embedded("h2-crash-2", folder).start()) {
      EngineRest maya = EngineRest.as(second.rest(), "maya");
      for (String caseId : cases) {
        assertThat(maya.getList("/history/process-instance?processInstanceId=" + caseId)).as("case %s survived", caseId).hasSize(1);
      }
      for (String caseId : acknowledgedDebriefs) {
        List<Map<String, Object>> debriefs = maya.getList("/history/task?finished=true&processInstanceId=" + caseId + "&taskDefinitionKey=Task_CalmDebrief");
        assertThat(debriefs).as("the acknowledged debrief of %s survived", caseId).hasSize(1);
        assertThat(maya.task(caseId, "Task_ChooseSupports")).as("%s waits at the next step", caseId).isNotNull();
      }
    }
  }
}
