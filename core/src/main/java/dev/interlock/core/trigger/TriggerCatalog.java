package dev.interlock.core.trigger;

import dev.interlock.core.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The triggers the engine knows, from the families it was given or found on the class path. */
public final class TriggerCatalog {
  private final Map<TriggerId, TriggerDefinition> triggers;

  private TriggerCatalog(Map<TriggerId, TriggerDefinition> triggers) {
    this.triggers = triggers;
  }

  /** A catalog of the given families; two families defining one trigger id is an error. */
  public static TriggerCatalog of(Collection<? extends TriggerFamily> families) {
    Map<TriggerId, TriggerDefinition> m = new LinkedHashMap<>();
    for (TriggerFamily f : families) {
      for (TriggerDefinition t : f.triggers()) {
        TriggerDefinition previous = m.put(t.id(), t);
        if (previous != null) {
          throw new IllegalArgumentException(
              "trigger " + t.id() + " is defined by both " + previous.family() + " and " + f.name());
        }
      }
    }
    return new TriggerCatalog(java.util.Collections.unmodifiableMap(m));
  }

  /** Every family registered with {@link ServiceLoader} on the given class loader. */
  public static List<TriggerFamily> discoverFamilies(ClassLoader loader) {
    List<TriggerFamily> out = new ArrayList<>();
    ServiceLoader.load(TriggerFamily.class, loader).forEach(out::add);
    return out;
  }

  public Optional<TriggerDefinition> find(TriggerId id) {
    return Optional.ofNullable(triggers.get(id));
  }

  /** The trigger, or a {@link NotFoundException} listing the known ones. */
  public TriggerDefinition require(TriggerId id) {
    TriggerDefinition t = triggers.get(id);
    if (t == null) {
      throw new NotFoundException(
          "unknown_trigger", "unknown trigger '" + id + "'; known triggers: " + triggers.keySet());
    }
    return t;
  }

  public List<TriggerDefinition> all() {
    return List.copyOf(triggers.values());
  }
}
