package io.foothold.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent grants: adds the permissions to an existing authorization for the same user/group and
 * resource, or creates one. Safe to call at every start-up and for every case. The exception is
 * {@link #toUserOnNewResource}, for a resource only the current command can know of.
 */
public final class Grants {

  private final AuthorizationService authorizations;

  public Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    save(existing, null, groupId, resource, resourceId, permissions);
  }

  /**
   * Takes permissions back from a group (a grant an earlier version gave at start-up), so a database that started
   * under that version loses it too. Idempotent like the grants.
   */
  public void revokeFromGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null || existing.getAuthorizationType() != AUTH_TYPE_GRANT) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (existing.isPermissionGranted(permission)) {
        existing.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(existing);
    }
  }

  public void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .userIdIn(userId).resourceType(resource).resourceId(resourceId).singleResult();
    save(existing, userId, null, resource, resourceId, permissions);
  }

  /**
   * Grants to the user on a resource that came into being in the current command (a process instance that is
   * starting): no authorization can name its id yet, so the look-up {@link #toUser} makes would always come back
   * empty and is skipped. Not idempotent: call it once per new resource, never for one that may already exist.
   */
  public void toUserOnNewResource(String userId, Resource resource, String resourceId, Permission... permissions) {
    save(null, userId, null, resource, resourceId, permissions);
  }

  private void save(Authorization existing, String userId, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setUserId(userId);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
