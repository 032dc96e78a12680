package io.foothold.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The repository's own playbooks (processes/, forms/, seeds/ of the working directory, all together) have no
 * ERROR findings. WARNINGs are printed for the designers.
 */
class RepositoryLintTest {

  @Test
  void theRepositorysPlaybooksHaveNoErrors() {
    LintInput input = LintInput.fromDirectory(Path.of(""));
    assertThat(input.files()).as("the repository's playbook files").isNotEmpty();

    List<Finding> findings = PlaybookLinter.lint(input);

    findings.stream().filter(f -> f.severity() == Severity.WARNING).forEach(f -> System.out.println("WARNING " + f));
    assertThat(findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::toString))
        .as("ERROR findings on the repository's own playbooks")
        .isEmpty();
  }
}
