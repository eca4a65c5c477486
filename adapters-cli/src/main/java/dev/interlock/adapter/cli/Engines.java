package dev.interlock.adapter.cli;

import com.google.inject.Guice;
import dev.interlock.adapter.rhino.FetchInterceptor;
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
   * path. {@code allowEgress} adds hosts that scripts may reach even where the default policy (public
   * addresses only) would refuse them, such as a service on localhost during development.
   */
  static Interlock embedded(EngineConfig config, List<String> allowEgress) {
    return embedded(config, allowEgress, FetchInterceptor.NETWORK);
  }

  /** As {@link #embedded(EngineConfig, List)}, with scripts' HTTP requests answered first by {@code fetch}. */
  static Interlock embedded(EngineConfig config, List<String> allowEgress, FetchInterceptor fetch) {
    RhinoConfig rhino = RhinoConfig.defaults().withFetchInterceptor(fetch);
    if (!allowEgress.isEmpty()) {
      rhino = rhino.withEgress(rhino.egress().withAllowedHosts(allowEgress));
    }
    return Guice.createInjector(new CoreModule(config), new RhinoModule(rhino)).getInstance(Interlock.class);
  }
}
