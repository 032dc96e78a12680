package io.foothold.modelguard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that deployed models may call by its bean name, e.g. {@code ${workingDays.after(2)}}.
 * No other bean is reachable from a model. Built-in playbooks use the SPI's
 * {@code io.foothold.playbook.spi.PlaybookBean}, which carries this annotation; Foothold's own beans that every
 * playbook may call carry it directly and are listed by name in the SPI's {@code ExpressionBeans}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface CallableFromModels {
}
