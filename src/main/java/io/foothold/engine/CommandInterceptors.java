package io.foothold.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Where Foothold's rules meet every engine command: interceptors placed before the engine opens its command context,
 * so REST, the webapps' API, Cockpit and the Java API all pass them. Call from a plugin's {@code preInit}.
 */
public final class CommandInterceptors {

  private CommandInterceptors() {
  }

  /** Adds an interceptor after those already registered. */
  public static void add(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    registered(configuration).add(interceptor);
  }

  /** Adds an interceptor in front of all others (it sees what the others throw). */
  public static void addFirst(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    registered(configuration).add(0, interceptor);
  }

  private static List<CommandInterceptor> registered(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    return interceptors;
  }
}
