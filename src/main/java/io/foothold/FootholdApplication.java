package io.foothold;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.foothold.lint.LintCommand;

@SpringBootApplication
public class FootholdApplication {

  public static void main(String[] args) {
    // "lint" checks playbook files and exits without starting Spring (for designers and CI).
    if (args.length > 0 && "lint".equals(args[0])) {
      System.exit(LintCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
    }
    SpringApplication.run(FootholdApplication.class, args);
  }
}
