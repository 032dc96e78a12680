package io.foothold.nudges;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Links into Foothold for mails: a task in Tasklist, the manager's overview. The base is
 * {@code foothold.nudges.base-url}, or this server's own address when it is not set (the demo, the tests).
 */
@Component
class Links {

  private final NudgeSettings settings;
  private final Environment environment;

  Links(NudgeSettings settings, Environment environment) {
    this.settings = settings;
    this.environment = environment;
  }

  String task(String taskId) {
    return base() + webapps() + "/app/tasklist/default/#/?task=" + taskId;
  }

  String tasklist() {
    return base() + webapps() + "/app/tasklist/default/";
  }

  String overview() {
    return base() + "/overview/";
  }

  private String base() {
    String configured = settings.getBaseUrl();
    if (configured != null && !configured.isBlank()) {
      return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }
    String address = environment.getProperty("server.address", "127.0.0.1");
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    return "http://" + address + ":" + port;
  }

  private String webapps() {
    return environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
  }
}
