package io.foothold.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * People on a production node, made as an administrator makes them (Camunda Admin's REST calls): a manager,
 * their team group and reports, an HR reviewer. Passwords are random and strong (the password policy is on).
 */
public final class ProductionPeople {

  private final TestRestTemplate rest;
  private final EngineRest admin;
  private final String password = "Fh-" + UUID.randomUUID() + "-9a";

  public ProductionPeople(TestRestTemplate rest, String adminPassword) {
    this.rest = rest;
    this.admin = EngineRest.as(rest, "admin", adminPassword);
  }

  public ProductionPeople person(String id, String firstName, String lastName, String group) {
    ok(admin.post("/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", firstName, "lastName", lastName, "email", id + "@example.test"),
        "credentials", Map.of("password", password))), "create user " + id);
    if (group != null) {
      ok(admin.exchangePut("/group/" + group + "/members/" + id), "add " + id + " to " + group);
    }
    return this;
  }

  /** A manager's team is the group team&lt;Manager&gt; (see people.Teams). */
  public ProductionPeople team(String managerId, List<String> reports) {
    String group = "team" + Character.toUpperCase(managerId.charAt(0)) + managerId.substring(1);
    ok(admin.post("/group/create", Map.of("id", group, "name", "Team of " + managerId, "type", "TEAM")), "create " + group);
    for (String report : reports) {
      ok(admin.exchangePut("/group/" + group + "/members/" + report), "add " + report + " to " + group);
    }
    return this;
  }

  public EngineRest as(String userId) {
    return EngineRest.as(rest, userId, password);
  }

  public String password() {
    return password;
  }

  private static void ok(ResponseEntity<String> response, String what) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException(what + " answered " + response.getStatusCode() + " " + response.getBody());
    }
  }
}
