package io.foothold.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code lint [paths…]}: one line per finding, a summary, exit 0 / 1 / 2. */
class LintCommandTest {

  private static final String FIXTURES = "src/test/resources/lint-fixtures/";

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @Test
  void cleanPlaybookExitsZeroWithASummary() {
    int exit = LintCommand.run(new String[] {FIXTURES + "form-exists/good"}, out);

    assertThat(exit).isZero();
    assertThat(output()).isEqualTo("4 files checked: 0 error(s), 0 warning(s)\n");
  }

  @Test
  void errorsExitOneAndArePrintedOneLineEach() {
    int exit = LintCommand.run(new String[] {"lint", FIXTURES + "called-element-exists/bad"}, out);

    assertThat(exit).isEqualTo(1);
    assertThat(output().lines()).containsExactly(
        "ERROR " + FIXTURES + "called-element-exists/bad/processes/fixture/fixture.bpmn:12 [Task_CallHelper] called-element-exists: "
            + "call activity 'Call the helper' calls process 'NoSuchProcess', which is neither among the models nor deployed",
        "ERROR " + FIXTURES + "called-element-exists/bad/processes/fixture/fixture.bpmn:16 [Task_Decide] called-element-exists: "
            + "business rule task 'Decide' evaluates decision 'NoSuchDecision', which is neither among the models nor deployed",
        "4 files checked: 2 error(s), 0 warning(s)");
  }

  @Test
  void warningsAloneExitZero() {
    int exit = LintCommand.run(new String[] {FIXTURES + "dmn-gaps/bad"}, out);

    assertThat(exit).isZero();
    assertThat(output()).contains("WARNING ").contains("[Input_Choice] dmn-gaps: ").endsWith("5 files checked: 0 error(s), 2 warning(s)\n");
  }

  @Test
  void severalPathsAreLintedTogether() {
    int exit = LintCommand.run(new String[] {FIXTURES + "form-exists/good/processes", FIXTURES + "form-exists/good/forms",
        FIXTURES + "form-exists/good/seeds"}, out);

    assertThat(exit).isZero();
    assertThat(output()).isEqualTo("4 files checked: 0 error(s), 0 warning(s)\n");
  }

  @Test
  void withoutPathsItLintsTheWorkingDirectorysPlaybookFolders() {
    int exit = LintCommand.run(new String[] {}, out);

    assertThat(output()).containsPattern("\\d+ files checked: \\d+ error\\(s\\), \\d+ warning\\(s\\)");
    assertThat(exit).isEqualTo(output().contains("ERROR ") ? 1 : 0);
  }

  @Test
  void aMissingPathIsAUsageProblem() {
    assertThat(LintCommand.run(new String[] {"no/such/folder"}, out)).isEqualTo(2);
    assertThat(output()).contains("no such file or folder: no/such/folder").contains("usage:");
  }

  @Test
  void anUnknownOptionIsAUsageProblem() {
    assertThat(LintCommand.run(new String[] {"--fix"}, out)).isEqualTo(2);
    assertThat(output()).contains("unknown option --fix").contains("usage:");
  }

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
