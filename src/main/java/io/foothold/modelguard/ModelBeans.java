package io.foothold.modelguard;

import java.util.Optional;

/**
 * The beans deployed models may call by name: what playbooks contribute, nothing else. Variables shadow them
 * (the engine resolves variables first).
 */
public interface ModelBeans {

  /** The bean models call by this name, if a playbook (or Foothold's core, for playbooks) offers one. */
  Optional<Object> find(String name);

  default boolean offers(String name) {
    return find(name).isPresent();
  }

  /**
   * A name the application knows as something models may not reach (another bean, an engine service), so a
   * model naming it is refused when deployed rather than failing, or worse succeeding, when it runs.
   */
  default boolean isReserved(String name) {
    return ModelReach.ENGINE_NAMES.contains(name);
  }
}
