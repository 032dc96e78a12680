package io.foothold.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.AUTHORIZATION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager (one per command) without two look-ups it makes in every command that checks
 * anything, both of which Foothold's rules make needless:
 * <ul>
 * <li><b>No revoke look-up.</b> Foothold's rights are grants only: a REVOKE ("deny") authorization is refused here,
 * whoever asks and by whatever path (REST, Admin webapp, Java API), so none can exist and the engine runs with
 * {@code authorization-check-revokes: never} instead of asking the database before each command whether one
 * applies. {@link GrantOnlyAuthorizations} refuses to start on a database that still holds one.</li>
 * <li><b>No group look-up.</b> Camunda reads every group id named in any authorization, once per command, only to
 * shorten the signed-in person's group list before it goes into the SQL of a check. A group that holds no
 * authorization matches no row, so checking with the whole list answers the same.</li>
 * </ul>
 * And a check asked twice in one command is answered from the first answer: Foothold's {@code PersonWriteGuard}
 * checks a person's right to work a task or start a case before the command does the same check. The engine writes
 * authorizations at the end of the command, so its checks see the rights as they were when the command began either
 * way; any authorization written through this manager forgets the answers all the same.
 */
public class GrantOnlyAuthorizationManager extends AuthorizationManager {

  static final String REVOKES_REFUSED = "Foothold grants rights and never denies them: REVOKE authorizations are not"
      + " supported (take the permission out of the grant, or the person out of the group, instead)";

  /** Check (person, groups, permissions, resources) to its answer, for this command only. */
  private final Map<String, Boolean> answers = new HashMap<>();

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
    return answers.computeIfAbsent(key(userId, groupIds, permissionCheck),
        k -> super.isAuthorized(userId, groupIds, permissionCheck));
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck permissionCheck) {
    return answers.computeIfAbsent(key(userId, groupIds, permissionCheck),
        k -> super.isAuthorized(userId, groupIds, permissionCheck));
  }

  @Override
  public Authorization createNewAuthorization(int type) {
    if (type == AUTH_TYPE_REVOKE) {
      checkAuthorization(CREATE, AUTHORIZATION, null);
      throw new BadUserRequestException(REVOKES_REFUSED);
    }
    return super.createNewAuthorization(type);
  }

  @Override
  public void insert(DbEntity authorization) {
    if (isRevoke(authorization)) {
      checkAuthorization(CREATE, AUTHORIZATION, null);
      throw new BadUserRequestException(REVOKES_REFUSED);
    }
    answers.clear();
    super.insert(authorization);
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    if (isRevoke(authorization)) {
      checkAuthorization(UPDATE, AUTHORIZATION, authorization.getId());
      throw new BadUserRequestException(REVOKES_REFUSED);
    }
    answers.clear();
    super.update(authorization);
  }

  @Override
  public void delete(DbEntity authorization) {
    answers.clear();
    super.delete(authorization);
  }

  @Override
  public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
    answers.clear();
    super.deleteAuthorizationsByResourceId(resource, resourceId);
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndUserId(Resource resource, String resourceId, String userId) {
    answers.clear();
    super.deleteAuthorizationsByResourceIdAndUserId(resource, resourceId, userId);
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndGroupId(Resource resource, String resourceId, String groupId) {
    answers.clear();
    super.deleteAuthorizationsByResourceIdAndGroupId(resource, resourceId, groupId);
  }

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
  }

  private static String key(String userId, List<String> groupIds, PermissionCheck check) {
    StringBuilder key = new StringBuilder().append(userId).append('|').append(groupIds).append('|');
    return append(key, check).toString();
  }

  private static String key(String userId, List<String> groupIds, CompositePermissionCheck check) {
    StringBuilder key = new StringBuilder().append(userId).append('|').append(groupIds).append('|');
    return append(key, check).toString();
  }

  private static StringBuilder append(StringBuilder key, CompositePermissionCheck check) {
    key.append(check.isDisjunctive() ? "any(" : "all(");
    for (PermissionCheck atomic : check.getAtomicChecks() == null ? List.<PermissionCheck>of() : check.getAtomicChecks()) {
      append(key, atomic).append(';');
    }
    for (CompositePermissionCheck composite
        : check.getCompositeChecks() == null ? List.<CompositePermissionCheck>of() : check.getCompositeChecks()) {
      append(key, composite).append(';');
    }
    return key.append(')');
  }

  private static StringBuilder append(StringBuilder key, PermissionCheck check) {
    return key.append(check.getResourceType()).append(':').append(check.getResourceId()).append(':')
        .append(check.getResourceIdQueryParam()).append(':').append(check.getPerms()).append(':')
        .append(check.getAuthorizationNotFoundReturnValue());
  }

  private static boolean isRevoke(DbEntity authorization) {
    return authorization instanceof AuthorizationEntity entity && entity.getAuthorizationType() == AUTH_TYPE_REVOKE;
  }

  /** Opens this manager wherever the engine asks a command for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GrantOnlyAuthorizationManager();
    }
  }
}
