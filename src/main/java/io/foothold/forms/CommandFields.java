package io.foothold.forms;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads what an engine command carries (its task id, its variables) from the command's own fields: Camunda's
 * commands keep them in protected fields without getters. A field that is not where 7.24 keeps it means an engine
 * upgrade changed the command; the guard then refuses the command to people rather than let it through unchecked.
 */
final class CommandFields {

  private CommandFields() {}

  static Object read(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException | RuntimeException e) {
        throw unreadable(target, name, e);
      }
    }
    throw unreadable(target, name, null);
  }

  static String text(Object target, String name) {
    Object value = read(target, name);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, ?> variables(Object target, String name) {
    Object value = read(target, name);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, ?>) map;
    }
    throw unreadable(target, name, null);
  }

  /** The names a command's variable maps and name lists hold, together. */
  static Set<String> names(Collection<?>... groups) {
    Set<String> names = new LinkedHashSet<>();
    for (Collection<?> group : groups) {
      if (group != null) {
        group.forEach(name -> names.add(String.valueOf(name)));
      }
    }
    return names;
  }

  private static IllegalStateException unreadable(Object target, String name, Exception cause) {
    return new IllegalStateException("Foothold cannot read '" + name + "' of the engine command "
        + target.getClass().getName() + ", so it cannot be checked and is refused", cause);
  }
}
