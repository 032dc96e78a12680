package io.foothold.playbook.spi;

/**
 * How a playbook's deployment is named in the engine ("foothold:&lt;playbook id&gt;"), and how the playbook is read
 * back from a deployment's name: the one place that spells it.
 */
public final class DeploymentNames {

  private static final String PREFIX = "foothold:";

  private DeploymentNames() {
  }

  /** The name of the deployments of this playbook. */
  public static String of(String playbookId) {
    return PREFIX + playbookId;
  }

  /** A pattern for the engine's {@code deploymentNameLike}: every playbook's deployments. */
  public static String anyPlaybook() {
    return PREFIX + "%";
  }

  /** The playbook a deployment belongs to, or {@code null} when its name is not a playbook's. */
  public static String playbookOf(String deploymentName) {
    return deploymentName != null && deploymentName.startsWith(PREFIX) ? deploymentName.substring(PREFIX.length()) : null;
  }

  /**
   * The playbook a definition belongs to: its deployment's name, else the folder its resource is named under
   * ("&lt;id&gt;/…", as playbooks name their resources); {@code null} when neither says.
   */
  public static String playbookOf(String deploymentName, String resourceName) {
    String playbook = playbookOf(deploymentName);
    if (playbook != null) {
      return playbook;
    }
    int slash = resourceName == null ? -1 : resourceName.indexOf('/');
    return slash > 0 ? resourceName.substring(0, slash) : null;
  }
}
