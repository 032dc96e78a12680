package io.foothold.people;

import java.io.InputStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads seeds/demo/directory.yaml into the engine's identity store (the role groups exist already). Demo profile only. */
@Component
@Profile("demo")
class DemoDirectory implements ApplicationRunner {

  static final String DEMO_PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

  private final IdentityService identity;
  private final Teams teams;

  DemoDirectory(IdentityService identity, Teams teams) {
    this.identity = identity;
    this.teams = teams;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    DirectorySeed seed;
    try (InputStream in = new ClassPathResource("seeds/demo/directory.yaml").getInputStream()) {
      seed = DirectorySeed.read(in);
    }
    for (DirectorySeed.Person person : seed.people()) {
      ensureUser(person);
    }
    for (DirectorySeed.Team team : seed.teams()) {
      teams.ensureTeam(team.manager(), team.name(), team.reports());
    }
    log.info("Demo directory loaded: {} people, {} teams (password '{}')", seed.people().size(), seed.teams().size(), DEMO_PASSWORD);
  }

  private void ensureUser(DirectorySeed.Person person) {
    if (identity.createUserQuery().userId(person.id()).count() == 0) {
      User user = identity.newUser(person.id());
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(person.email());
      user.setPassword(DEMO_PASSWORD);
      // The one well-known demo password breaks the password policy on purpose: only the demo directory skips it
      // (Camunda's own skip path for users it sets up itself); Admin, REST and the Java API still enforce it.
      ((IdentityServiceImpl) identity).saveUser(user, true);
    }
    for (String group : person.groups()) {
      if (identity.createUserQuery().userId(person.id()).memberOfGroup(group).count() == 0) {
        identity.createMembership(person.id(), group);
      }
    }
  }
}
