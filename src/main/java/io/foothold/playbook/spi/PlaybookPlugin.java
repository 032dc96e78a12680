package io.foothold.playbook.spi;

import java.util.Map;

/**
 * The Java side of a playbook that ships as a plugin jar or folder. Foothold finds implementations with
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.foothold.playbook.spi.PlaybookPlugin}) and makes each contribution
 * callable from the playbook's models by its name, e.g. {@code camunda:delegateExpression="${sendThanks}"}.
 *
 * <p>Built-in playbooks contribute Spring beans instead; both kinds are named under {@code delegates:}
 * in the playbook's descriptor so Foothold can check they exist before deploying the models.
 */
public interface PlaybookPlugin {

  /** Contributions by the name the models use: JavaDelegates, listeners or plain helper objects. */
  Map<String, Object> contributions();
}
