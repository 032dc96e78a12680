package io.foothold.modelguard;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The beans models may call in the running application: Spring beans marked {@link CallableFromModels}
 * (directly or through the SPI's PlaybookBean) and the contributions of plugin playbooks. Every other bean of
 * the application is reserved: a model naming it is refused.
 */
@Component
public class ModelBeanRegistry implements ModelBeans, SmartInitializingSingleton {

  private final ConfigurableListableBeanFactory factory;
  private final Map<String, Object> contributions = new ConcurrentHashMap<>();
  private volatile Set<String> marked;

  ModelBeanRegistry(ConfigurableListableBeanFactory factory) {
    this.factory = factory;
  }

  @Override
  public Optional<Object> find(String name) {
    Object contribution = contributions.get(name);
    if (contribution != null) {
      return Optional.of(contribution);
    }
    return markedBeans().contains(name) ? Optional.of(factory.getBean(name)) : Optional.empty();
  }

  @Override
  public boolean offers(String name) {
    return contributions.containsKey(name) || markedBeans().contains(name);
  }

  @Override
  public boolean isReserved(String name) {
    return ModelBeans.super.isReserved(name) || factory.containsBean(name);
  }

  /**
   * Makes a plugin's contribution callable by its name. A name already taken by another bean of the
   * application or by another contribution is refused, so a plugin cannot stand in for something else.
   */
  public synchronized void contribute(String name, Object bean) {
    Object existing = contributions.get(name);
    if (existing == bean) {
      return;
    }
    if (existing != null || factory.containsBean(name) || ModelBeans.super.isReserved(name)) {
      throw new IllegalStateException("contribution '" + name + "' clashes with an existing bean of that name");
    }
    contributions.put(name, bean);
  }

  /** Read once all singletons exist; before that (engine start-up), read each time. */
  private Set<String> markedBeans() {
    Set<String> names = marked;
    return names != null ? names : Set.of(factory.getBeanNamesForAnnotation(CallableFromModels.class));
  }

  @Override
  public void afterSingletonsInstantiated() {
    marked = Set.of(factory.getBeanNamesForAnnotation(CallableFromModels.class));
  }
}
