package io.foothold.forms;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Refuses a person's command that is not a form step if it created, changed or removed any variable. Looks at what
 * the command is about to flush, just before the flush, so whatever path wrote the variable is caught; throwing here
 * rolls the command back. Registered when the command starts, so it runs before the engine's own close listeners
 * (e.g. the re-serialization of a read object value, which is no one's write).
 */
final class VariableChangeTripwire implements CommandContextListener {

  private final String operation;

  VariableChangeTripwire(String operation) {
    this.operation = operation;
  }

  @Override
  public void onCommandContextClose(CommandContext context) {
    Set<String> changed = new TreeSet<>();
    for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
      if (cached.getEntity() instanceof VariableInstanceEntity variable && isChange(cached)) {
        changed.add(variable.getName());
      }
    }
    if (!changed.isEmpty()) {
      throw new AuthorizationException("People change a case's variables only through the form of their step; "
          + operation + " would change " + changed + " and is not open to them");
    }
  }

  private static boolean isChange(CachedDbEntity cached) {
    DbEntityState state = cached.getEntityState();
    return state == DbEntityState.TRANSIENT || state == DbEntityState.MERGED || state == DbEntityState.DELETED_PERSISTENT
        || state == DbEntityState.DELETED_MERGED || (state == DbEntityState.PERSISTENT && cached.isDirty());
  }

  @Override
  public void onCommandFailed(CommandContext context, Throwable t) {
    // nothing is flushed
  }
}
