package io.foothold.forms;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * All {@link FormOptionsSource} beans, looked up by name. The beans are resolved lazily: a source
 * usually needs engine services, and the engine needs this class through its plugin.
 */
@Component
public class FormOptionsSources {

  private final Supplier<? extends Collection<FormOptionsSource>> sources;

  @Autowired
  FormOptionsSources(ObjectProvider<FormOptionsSource> sources) {
    this.sources = () -> sources.orderedStream().toList();
  }

  private FormOptionsSources(Collection<FormOptionsSource> sources) {
    List<FormOptionsSource> fixed = List.copyOf(sources);
    this.sources = () -> fixed;
  }

  public static FormOptionsSources of(FormOptionsSource... sources) {
    return new FormOptionsSources(List.of(sources));
  }

  public static FormOptionsSources none() {
    return of();
  }

  /** The options of the named source for this user; an unknown source or no user gets none. */
  List<FormOption> optionsFor(String sourceName, String userId) {
    if (sourceName == null || userId == null) {
      return List.of();
    }
    return sources.get().stream()
        .filter(source -> sourceName.equals(source.name()))
        .findFirst()
        .map(source -> Objects.requireNonNullElse(source.optionsFor(userId), List.<FormOption>of()))
        .orElse(List.of());
  }
}
