package io.foothold.engine;

/**
 * The order of Foothold's start-up steps: definitions first (and how long their history is kept), then who may
 * use them, then demo data.
 */
public final class StartupOrder {
  public static final int DEPLOY_PLAYBOOKS = 10;
  public static final int JSON_VARIABLES = 12;
  public static final int HISTORY_RETENTION = 15;
  public static final int ROLE_PERMISSIONS = 20;
  public static final int DIRECTORY = 30;
  public static final int TASKLIST_FILTERS = 40;

  private StartupOrder() {
  }
}
