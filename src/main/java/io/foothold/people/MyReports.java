package io.foothold.people;

import java.util.List;

import org.springframework.stereotype.Component;

import io.foothold.forms.FormOption;
import io.foothold.forms.FormOptionsSource;

/** Options source "my-reports": the people who report to the signed-in manager. */
@Component
class MyReports implements FormOptionsSource {

  private final Teams teams;

  MyReports(Teams teams) {
    this.teams = teams;
  }

  @Override
  public String name() {
    return "my-reports";
  }

  @Override
  public List<FormOption> optionsFor(String userId) {
    return teams.reportsOf(userId).stream()
        .map(user -> new FormOption(user.getId(), Teams.displayName(user)))
        .toList();
  }
}
