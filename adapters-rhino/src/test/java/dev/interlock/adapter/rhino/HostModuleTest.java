package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The application's own modules, exposed to scripts through {@link HostModule}. */
class HostModuleTest {
  static final HostModule USERS = HostModule.of("acme-users", Map.of(
      "findByEmail", args -> {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", args.get(0));
        user.put("roles", List.of("admin"));
        user.put("logins", 3L);
        return user;
      },
      "lookupAsync", args -> CompletableFuture.supplyAsync(() -> "async:" + args.get(0)),
      "fail", args -> {
        throw new IllegalStateException("directory unavailable");
      },
      "echo", args -> args));

  @Test
  void scriptsRequireHostModulesAndGetPlainValues() {
    NodeScripts js = NodeScripts.with(RhinoConfig.defaults().withHostModules(List.of(USERS)));

    Object r = js.eval(String.join("\n",
        "const users = require('acme-users');",
        "const u = users.findByEmail('ada@example.com');",
        "u.roles.push('mine');",
        "let err; try { users.fail(); } catch (e) { err = [e instanceof Error, e.message]; }",
        "return [u, await users.lookupAsync(7), err, users.echo({ a: [1, 'x'] }, null),",
        "  Object.getPrototypeOf(u) === Object.prototype, typeof users.findByEmail.getClass];"));

    assertThat(r).isEqualTo(List.of(
        Map.of("email", "ada@example.com", "roles", List.of("admin", "mine"), "logins", 3L),
        "async:7",
        List.of(true, "acme-users.fail failed: directory unavailable"),
        java.util.Arrays.asList(Map.of("a", List.of(1L, "x")), null),
        true,
        "undefined"));
  }

  @Test
  void hostModulesAreListedAmongAvailableModulesAndCheckedAtLoadTime() {
    NodeScripts js = NodeScripts.with(RhinoConfig.defaults().withHostModules(List.of(USERS)));

    dev.interlock.core.execution.ScriptError error = js.error("require('acme-groups');");

    assertThat(error.name()).isEqualTo("ActionLoadError");
    assertThat(error.message()).contains("3:1: Cannot find module 'acme-groups'; available modules: auth0, axios, buffer, crypto, "
        + "events, jose, jsonwebtoken, jwks-rsa, querystring, url, util, acme-users");
  }

  @Test
  void rejectsAHostModuleNamedLikeABuiltIn() {
    HostModule clash = HostModule.of("crypto", Map.of());

    assertThatThrownBy(() -> RhinoRuntimes.create(RhinoConfig.defaults().withHostModules(List.of(clash))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'crypto'");
  }

  @Test
  void guiceApplicationsBindHostModulesWithAMultibinder() {
    ScriptRuntime runtime = Guice.createInjector(new RhinoModule(), new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), HostModule.class).addBinding().toInstance(USERS);
      }
    }).getInstance(Key.get(new TypeLiteral<Set<ScriptRuntime>>() {})).iterator().next();
    String code = "const { findByEmail } = require('acme-users');\n"
        + "exports.onExecutePostLogin = async (event, api) => {\n"
        + "  api.accessToken.setCustomClaim('roles', findByEmail(event.user.email).roles);\n"
        + "};";

    ExecutionRecord r = Scripts.engine(EngineConfig.defaults(), runtime).interlock().executor()
        .run(TriggerId.of(TestFamily.TRIGGER), List.of(new AdHocAction("a", code, "node22", Map.of(), Map.of())),
            Scripts.Events.login())
        .record();

    assertThat(r.commands().get(0).args()).containsExactly("roles", List.of("admin"));
  }
}
