package io.foothold.security;

/** The groups Foothold's permissions are written for. */
public final class Roles {
  public static final String MANAGERS = "managers";
  public static final String HR = "hr";
  public static final String DESIGNERS = "designers";
  public static final String EMPLOYEES = "employees";
  public static final String ADMINS = "camunda-admin";

  private Roles() {
  }
}
