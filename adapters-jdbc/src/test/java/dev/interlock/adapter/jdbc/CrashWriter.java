package dev.interlock.adapter.jdbc;

import dev.interlock.core.Interlock;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.AdministrationLimits;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.testkit.SampleFamily;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link CrashRecoveryTest}: writes to a SQLite database as fast as it can and
 * acknowledges each change on stdout only after the call that made it returned, until it is
 * killed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) {
    PrintStream ack = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    JdbcStores stores = JdbcStores.open(JdbcConfig.sqlite(Path.of(args[0])));
    JavaActionRuntime java = new JavaActionRuntime()
        .register("noop", (event, api) -> { })
        .register("slow-signup", (event, api) -> {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    Interlock interlock = Interlock.builder().families(List.of(new SampleFamily())).runtime(java)
        .stores(stores.actions(), stores.bindings(), stores.executions())
        .limits(AdministrationLimits.auth0().withMaxVersions(1_000_000))
        .build();
    ActionAdministration admin = interlock.administration();
    ActionId login = admin.create(NewAction.of("login", SampleFamily.LOGIN, "noop").withRuntime("java")).id();
    ActionId signup = admin.create(NewAction.of("signup", SampleFamily.SIGNUP, "slow-signup").withRuntime("java").deployed()).id();
    admin.replaceBindings(SampleFamily.SIGNUP, List.of(BindingRequest.of(signup)), 0);
    ack.println("READY " + login);
    for (int i = 1; ; i++) {
      int version = admin.deploy(login, null).number();
      ack.println("DEPLOYED " + version);
      long revision = admin.bindings(SampleFamily.LOGIN).revision();
      List<BindingRequest> list = i % 2 == 1 ? List.of(BindingRequest.of(login)) : List.of();
      long now = admin.replaceBindings(SampleFamily.LOGIN, list, revision).revision();
      ack.println("BOUND " + now);
      ExecutionResult accepted = interlock.executor().execute(SampleFamily.SIGNUP, Map.of("user", Map.of("user_id", "u" + i)));
      ack.println("ACCEPTED " + accepted.record().id());
    }
  }
}
