package io.foothold.playbook.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.foothold.modelguard.CallableFromModels;

/**
 * Marks a built-in playbook's Spring bean (a {@code @Component("name")}) that its models call as
 * {@code ${name}}. Keep it in the playbook's own package, {@code io.foothold.playbooks.<id>}. Models reach only
 * such beans, plugin contributions, Foothold's {@link ExpressionBeans} and their own variables; name the bean under
 * {@code delegates:} in the playbook's descriptor too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@CallableFromModels
public @interface PlaybookBean {
}
