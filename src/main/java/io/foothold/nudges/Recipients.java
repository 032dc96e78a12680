package io.foothold.nudges;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's addresses and names, from the engine's user directory (the Camunda user's e-mail). Someone without an
 * address gets no mail; that is logged once per person and node, not at every step.
 */
final class Recipients {

  private static final Logger log = LoggerFactory.getLogger(Recipients.class);
  private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

  private Recipients() {
  }

  /** The person's address, or null (logged once). */
  static String addressOf(CommandContext context, String userId) {
    User user = user(context, userId);
    String email = user == null ? null : user.getEmail();
    if (email == null || email.isBlank()) {
      if (TOLD.add(userId)) {
        log.info("No e-mail address for user '{}': Foothold sends them no nudges", userId);
      }
      return null;
    }
    return email.trim();
  }

  /** "Sam Okafor", or the id when the directory does not know the person (e.g. someone without an account). */
  static String nameOf(CommandContext context, String userId) {
    User user = user(context, userId);
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " " + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  static List<User> membersOf(CommandContext context, String groupId) {
    return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createUserQuery(context).memberOfGroup(groupId).list());
  }

  private static User user(CommandContext context, String userId) {
    if (userId == null) {
      return null;
    }
    return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId));
  }
}
