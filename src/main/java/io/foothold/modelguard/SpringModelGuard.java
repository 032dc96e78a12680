package io.foothold.modelguard;

import org.springframework.stereotype.Component;

/** The engine plugin in the Spring application, backed by the application's {@link ModelBeanRegistry}. */
@Component
class SpringModelGuard extends ModelGuardEnginePlugin {

  SpringModelGuard(ModelBeanRegistry beans) {
    super(beans);
  }
}
