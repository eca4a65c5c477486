package dev.interlock.adapter.cli;

import com.google.inject.Guice;
import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.RhinoModule;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.wiring.CoreModule;
import java.util.List;

/** The CLI's composition root: which adapters make up an engine. */
final class Engines {
  private Engines() {}

  /**
   * An engine on in-memory stores with the JavaScript runtime and every trigger family on the class
   * path. {@code allowEgress} is validated by the caller and reserved for the network layer of the
   * script runtime (see docs: fetch is not available to scripts yet).
   */
  static Interlock embedded(EngineConfig config, List<String> allowEgress) {
    return Guice.createInjector(new CoreModule(config), new RhinoModule(RhinoConfig.defaults()))
        .getInstance(Interlock.class);
  }
}
