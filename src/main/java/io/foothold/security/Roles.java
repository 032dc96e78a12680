package io.foothold.security;

import org.camunda.bpm.engine.authorization.Groups;

/** The groups Foothold's permissions are written for. */
public final class Roles {
  public static final String MANAGERS = "managers";
  public static final String HR = "hr";
  public static final String DESIGNERS = "designers";
  public static final String EMPLOYEES = "employees";
  /** The engine's own administrators' group: the one every admin check (engine, webapps, Foothold) uses. */
  public static final String ADMINS = Groups.CAMUNDA_ADMIN;

  private Roles() {
  }
}
