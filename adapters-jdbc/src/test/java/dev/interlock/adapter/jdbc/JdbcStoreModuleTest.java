package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.interlock.core.Interlock;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.testkit.SampleFamily;
import dev.interlock.wiring.CoreModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreModuleTest {
  @TempDir Path dir;

  @Test
  void replacesTheInMemoryStoresOfTheCoreModule() {
    Injector injector = Guice.createInjector(new CoreModule(), new JdbcStoreModule(JdbcConfig.sqlite(dir)));

    try (JdbcStores stores = injector.getInstance(JdbcStores.class)) {
      assertThat(injector.getInstance(ActionStore.class)).isSameAs(stores.actions());
      assertThat(injector.getInstance(BindingStore.class)).isSameAs(stores.bindings());
      assertThat(injector.getInstance(ExecutionStore.class)).isSameAs(stores.executions());
    }
  }

  @Test
  void generatesTheSecretKeyOnFirstStartAndSaysSoThroughTheWarningHook() {
    List<String> warnings = new ArrayList<>();

    try (JdbcStores first = JdbcStores.open(JdbcConfig.sqlite(dir).withWarnings(warnings::add));
        Interlock interlock = Interlock.builder().families(List.of(new SampleFamily()))
            .stores(first.actions(), first.bindings(), first.executions()).build()) {
      interlock.administration().create(NewAction.of("a", SampleFamily.LOGIN, "x").withSecrets(java.util.Map.of("K", "v")));
    }
    List<String> afterFirstStart = List.copyOf(warnings);
    try (JdbcStores second = JdbcStores.open(JdbcConfig.sqlite(dir).withWarnings(warnings::add))) {
      assertThat(second.actions().list(Optional.empty()).get(0).draft().secrets().reveal()).containsEntry("K", "v");
    }

    assertThat(dir.resolve("secret.keys")).exists();
    assertThat(afterFirstStart).singleElement().asString().contains("generated a new secret encryption key");
    assertThat(warnings).hasSize(1);
  }

  @Test
  void neverShowsThePasswordOrKeysInItsConfiguration() {
    JdbcConfig config = JdbcConfig.postgres("jdbc:postgresql://db:5432/x?password=pw-in-url", "u", "pw-field", "k1 key-text");

    assertThat(config.toString()).doesNotContain("pw-in-url").doesNotContain("pw-field").doesNotContain("key-text");
  }
}
