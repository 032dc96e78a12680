package io.foothold.modelguard;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager with Foothold's rules: names resolve to variables, then to the beans
 * playbooks contribute ({@link ModelBeans}) and to nothing else — not the Spring context, as Camunda's
 * SpringExpressionManager would; every member access first passes {@link ModelReach}. It replaces the
 * expression manager for BPMN, for JUEL in DMN and for stored task queries alike.
 */
public class GuardedExpressionManager extends JuelExpressionManager {

  private final ModelBeans modelBeans;

  public GuardedExpressionManager(ModelBeans modelBeans) {
    this.modelBeans = modelBeans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new MemberGuard());
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new ModelBeansResolver(modelBeans));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new BeanELResolver(true));
    return resolver;
  }

  /** Resolves nothing; refuses, before any other resolver runs, a member a model may not use. */
  static final class MemberGuard extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      check(base, property, false, 0);
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      check(base, method, true, params == null ? 0 : params.length);
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      check(base, property, false, 0);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      check(base, property, false, 0);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      check(base, property, false, 0);
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }

    private static void check(Object base, Object member, boolean methodCall, int arguments) {
      if (base == null || member == null) {
        return;
      }
      ModelReach.refusal(base, member.toString(), methodCall, arguments).ifPresent(reason -> {
        throw new ELException(reason);
      });
    }
  }

  /** Top-level names that are not variables: only the beans playbooks contribute. */
  static final class ModelBeansResolver extends ELResolver {

    private final ModelBeans beans;

    ModelBeansResolver(ModelBeans beans) {
      this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name) {
        var bean = beans.find(name);
        if (bean.isPresent()) {
          context.setPropertyResolved(true);
          return bean.get();
        }
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return Object.class;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base == null && property instanceof String name && beans.offers(name)) {
        throw new ELException("'" + name + "' is a bean playbooks contribute; models cannot replace it");
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return Object.class;
    }
  }
}
