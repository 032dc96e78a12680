package io.foothold.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A BPMN saved straight into processes/ is reported, not passed as "0 errors". */
class FileOutsidePlaybookRuleTest {

  private static final byte[] BPMN = ("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
      + "targetNamespace=\"x\"><process id=\"Loose\" isExecutable=\"true\"><userTask id=\"Task_NoForm\"/></process></definitions>")
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void aModelDirectlyUnderProcessesIsAWarningNamingTheFile() {
    // given a BPMN directly under processes/ and a form directly under forms/
    LintInput input = LintInput.of(Map.of("processes/loose.bpmn", BPMN, "forms/loose.form", "{}".getBytes(StandardCharsets.UTF_8)));

    // when linted
    List<Finding> findings = PlaybookLinter.lint(input);

    // then each is reported as outside any playbook folder
    assertThat(findings).filteredOn(f -> f.rule().equals("file-outside-playbook"))
        .extracting(Finding::file).containsExactlyInAnyOrder("processes/loose.bpmn", "forms/loose.form");
    assertThat(findings).filteredOn(f -> f.rule().equals("file-outside-playbook"))
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void filesInsideAPlaybookFolderAreNotReported() {
    LintInput input = LintInput.of(Map.of("processes/my-playbook/loose.bpmn", BPMN));

    assertThat(PlaybookLinter.lint(input)).noneMatch(f -> f.rule().equals("file-outside-playbook"));
  }
}
