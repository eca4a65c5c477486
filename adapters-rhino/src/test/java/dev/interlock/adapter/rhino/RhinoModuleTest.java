package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.interlock.core.port.ScriptRuntime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RhinoModuleTest {
  @Test
  void addsOneJavaScriptRuntimeToTheRuntimeSet() {
    Injector injector = Guice.createInjector(new RhinoModule());

    Set<ScriptRuntime> runtimes = injector.getInstance(Key.get(new TypeLiteral<Set<ScriptRuntime>>() {}));

    assertThat(runtimes).hasSize(1);
    assertThat(runtimes.iterator().next().supports("node22")).isTrue();
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<ScriptRuntime>>() {}))).isEqualTo(runtimes);
  }
}
