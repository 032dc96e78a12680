package io.foothold.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/** The designers' console data: live and failed playbooks with file and element, versions, files outside playbooks. */
@FootholdSpringTest
class PlaybookConsoleTest {

  @Autowired TestRestTemplate web;

  @Test
  void designersSeeEveryPlaybookTheBrokenOneWithFileAndElementAndFilesOutsidePlaybooks() throws Exception {
    // given a BPMN saved straight into the designers' processes/ folder
    Path loose = DesignerSandboxFolder.folder().resolve("processes/loose.bpmn");
    Files.writeString(loose, "<definitions/>");
    try {
      // when dana opens the console
      ResponseEntity<String> response = EngineRest.as(web, "dana").getApi("/api/playbooks/console");

      // then every playbook is listed: the recovery arc live with its files and versions, the broken plugin failed
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode console = new ObjectMapper().readTree(response.getBody());
      JsonNode arc = find(console, "recovery-arc");
      assertThat(arc.path("state").asText()).isEqualTo("DEPLOYED");
      assertThat(arc.path("files").toString()).contains("processes/recovery-arc/recovery-arc.bpmn");
      assertThat(arc.path("processes").get(0).path("latestVersion").asInt()).isPositive();
      assertThat(arc.path("lastDeployment").path("deploymentId").asText()).isNotBlank();
      JsonNode broken = find(console, "broken-form-ref");
      assertThat(broken.path("state").asText()).isEqualTo("FAILED");
      assertThat(broken.path("lastRefusal").path("problems").toString())
          .contains("processes/broken-form-ref/broken-form-ref.bpmn").contains("Task_FollowUp");
      assertThat(broken.path("lintFindings").toString()).contains("form-exists");
      // and the loose file is named
      assertThat(console.path("filesOutsidePlaybooks").toString()).contains("processes/loose.bpmn");
    } finally {
      Files.deleteIfExists(loose);
    }
  }

  @Test
  void theConsoleIsForDesignersAndAdministratorsOnly() {
    assertThat(EngineRest.as(web, "admin").getApi("/api/playbooks/console").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(EngineRest.as(web, "maya").getApi("/api/playbooks/console").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(EngineRest.as(web, "hana").getApi("/api/playbooks/console").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static JsonNode find(JsonNode console, String id) {
    for (JsonNode playbook : console.path("playbooks")) {
      if (id.equals(playbook.path("id").asText())) {
        return playbook;
      }
    }
    throw new AssertionError("no playbook " + id + " in " + console);
  }
}
