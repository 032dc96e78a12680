package io.foothold.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.foothold.lint.ParsedFiles;

/**
 * A save parses what changed, once, for the deployment checks and the linter together; an unchanged playbook is
 * not parsed again. Runs the checks as live reload does (discovery, what the playbooks declare, validation with
 * lint) on a copy of the designer sandbox, counting the parses of the deployer's cache.
 */
class OneParsePerChangeTest {

  private static final String ID = "designer-sandbox";
  private static final String STEP_FORM = "forms/designer-sandbox/step.form";
  private static final String MODEL = "processes/designer-sandbox/sandbox.bpmn";

  @TempDir Path folder;
  private final ParsedFiles parsed = new ParsedFiles(64);
  private PlaybookDiscovery discovery;

  @BeforeEach
  void copyTheSandbox() throws IOException, URISyntaxException {
    Path source = Path.of(getClass().getClassLoader().getResource("designer-sandbox").toURI());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = folder.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    discovery = new PlaybookDiscovery(folder.resolve("no-plugins"), folder.toString());
  }

  @Test
  void anUnchangedPlaybookIsNotParsedAgain() {
    // given the sandbox checked once, as at start-up: each of its four files parsed once
    long everywhere = ParsedFiles.parsesInThisJvm();
    assertThat(checkAsLiveReloadDoes()).isEmpty();
    assertThat(parsed.parses()).isEqualTo(4);
    assertThat(ParsedFiles.parsesInThisJvm() - everywhere).as("no other cache parsed them too").isEqualTo(4);

    // when it is checked again with nothing changed (another playbook's save, or a save of the same bytes)
    List<PlaybookValidator.Problem> problems = checkAsLiveReloadDoes();

    // then the checks and the linter ran on what was parsed before
    assertThat(problems).isEmpty();
    assertThat(parsed.parses()).isEqualTo(4);
    assertThat(ParsedFiles.parsesInThisJvm() - everywhere).isEqualTo(4);
  }

  @Test
  void aSavedFormIsParsedOnceForTheChecksAndTheLinter() throws IOException {
    // given the sandbox checked once
    checkAsLiveReloadDoes();
    long before = parsed.parses();
    long everywhere = ParsedFiles.parsesInThisJvm();

    // when the step form is saved with a new label and the playbook is checked
    save(STEP_FORM, read(STEP_FORM).replace("Note, first version", "Note, second version"));
    List<PlaybookValidator.Problem> problems = checkAsLiveReloadDoes();

    // then only the form was parsed, once, though the declared ids, the checks and the lint rules all read it
    assertThat(problems).isEmpty();
    assertThat(parsed.parses()).isEqualTo(before + 1);
    assertThat(ParsedFiles.parsesInThisJvm() - everywhere).as("no other cache parsed it too").isEqualTo(1);
  }

  @Test
  void aSavedModelThatDoesNotParseIsRefusedAfterOneParse() throws IOException {
    // given the sandbox checked once
    checkAsLiveReloadDoes();
    long before = parsed.parses();

    // when the model is saved cut off mid-way and checked twice (a second save event of the same bytes)
    String model = read(MODEL);
    save(MODEL, model.substring(0, model.length() / 2));
    List<PlaybookValidator.Problem> first = checkAsLiveReloadDoes();
    List<PlaybookValidator.Problem> second = checkAsLiveReloadDoes();

    // then it is refused both times, with the parser's reason, from a single parse; the linter did not run on it
    assertThat(first).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo(MODEL);
      assertThat(problem.message()).startsWith("does not parse as BPMN");
      assertThat(problem.stopsLinting()).isTrue();
    });
    assertThat(second).extracting(PlaybookValidator.Problem::toString).isEqualTo(first.stream().map(Object::toString).toList());
    assertThat(parsed.parses()).isEqualTo(before + 1);
  }

  /** What {@link PlaybookDeployer#redeploy} checks: the ids every playbook declares, then the playbook itself. */
  private List<PlaybookValidator.Problem> checkAsLiveReloadDoes() {
    PlaybookDiscovery.Result found = discovery.discover();
    List<Playbook> sandbox = found.playbooks().stream().filter(playbook -> playbook.id().equals(ID)).toList();
    PlaybookValidator.Known known = PlaybookValidator.declaredBy(sandbox,
        new PlaybookValidator.Known(Set.of(), Set.of(), Set.of(), name -> Optional.empty()), parsed);
    return PlaybookValidator.validate(sandbox.get(0), known, parsed);
  }

  private String read(String file) throws IOException {
    return Files.readString(folder.resolve(file));
  }

  private void save(String file, String content) throws IOException {
    Files.writeString(folder.resolve(file), content);
  }
}
