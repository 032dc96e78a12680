package io.foothold.lint;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar foothold.jar lint [paths…]}: lints the playbook files under the paths (default
 * {@code processes forms seeds} in the working directory), prints one line per finding and a summary.
 * Exit code 0 without errors, 1 with errors, 2 for a usage problem. Starts no Spring context.
 */
public final class LintCommand {

  static final String USAGE = "usage: java -jar foothold.jar lint [path…]   (default: processes forms seeds)";

  private LintCommand() {
  }

  /** @param args the paths to lint; a leading "lint" (the command name) is skipped */
  public static int run(String[] args, PrintStream out) {
    List<String> arguments = new ArrayList<>(List.of(args));
    if (!arguments.isEmpty() && arguments.get(0).equals("lint")) {
      arguments.remove(0);
    }
    for (String argument : arguments) {
      if (argument.startsWith("-")) {
        out.println(argument.equals("-h") || argument.equals("--help") ? USAGE : "unknown option " + argument + "\n" + USAGE);
        return 2;
      }
    }
    Path base = Path.of("").toAbsolutePath();
    List<Path> paths = new ArrayList<>();
    if (arguments.isEmpty()) {
      for (String folder : List.of("processes", "forms", "seeds")) {
        if (Files.exists(base.resolve(folder))) {
          paths.add(base.resolve(folder));
        }
      }
      if (paths.isEmpty()) {
        out.println("no processes/, forms/ or seeds/ folder in " + base + "\n" + USAGE);
        return 2;
      }
    } else {
      for (String argument : arguments) {
        Path path = base.resolve(argument);
        if (!Files.exists(path)) {
          out.println("no such file or folder: " + argument + "\n" + USAGE);
          return 2;
        }
        paths.add(path);
      }
    }
    LintInput input = LintInput.fromPaths(base, paths);
    List<Finding> findings = PlaybookLinter.lint(input);
    findings.forEach(finding -> out.println(finding.severity() + " " + finding));
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.size() - errors;
    out.println(input.files().size() + " files checked: " + errors + " error(s), " + warnings + " warning(s)");
    return errors > 0 ? 1 : 0;
  }
}
