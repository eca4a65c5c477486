package dev.interlock.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapter.http.TestServer.Response;
import dev.interlock.core.javaaction.JavaActionRuntime;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several teams' actions in one real HTTP server: an attacker's hooks neither change a victim's
 * login nor read its secret, and bombs (endless loops, allocation, huge built-in loops, value
 * DAGs) end with a limit error while the server keeps answering and gives its memory back.
 */
class TenantIsolationHttpTest {
  private static final String SECRET = "tenant-b-secret-5e1f0a9c3d";
  private static final String VICTIM = "exports.onExecuteSampleLogin = async (event, api) => {"
      + " const key = event.secrets.API_KEY; const seen = [];"
      + " for (const x of ['a', 'b']) seen.push(x);"
      + " const sig = require('crypto').createHmac('sha256', key).update('p').digest('hex');"
      + " api.claims.set('role', ['user'].includes('user') ? 'user' : 'admin');"
      + " api.claims.set('check', seen.join('') + sig.length + JSON.stringify({ k: key.length }));"
      + " console.log('victim ran', new Date(0).getTime()); };";
  private static final String STEAL =
      "function steal(x) { try { globalThis.loot = Object.prototype.loot = console.loot = String(x); } catch (e) {} }";
  private static final List<String> HOOKS = List.of(
      "console.log = (...a) => steal(a.join(' '));",
      "const s = JSON.stringify; JSON.stringify = (v) => { steal(v); return s(v); };",
      "Object.defineProperty(Array.prototype, 'includes', { value: () => false });",
      "Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true });",
      "Object.getPrototypeOf(require('crypto').createHmac('sha256', 'k')).update = function (d) { steal(d); return this; };",
      "Object.defineProperty(Object.prototype, 'API_KEY', { set(v) { steal(v); }, get() { return 'x'; } });",
      "eval('$' + 'jscomp').makeIterator = (x) => { steal(x); return [][Symbol.iterator](); };",
      "Date.prototype.setTime.call(Date.prototype, 7);",
      "Object.setPrototypeOf(Object.getPrototypeOf(globalThis), { loot: 'x' });");
  private static final String COLLECTOR = "exports.onExecuteSampleLogin = async (event, api) => {"
      + " console.log('collected', JSON.stringify([globalThis.loot, Object.prototype.loot, ({}).loot, console.loot,"
      + " Object.getPrototypeOf(globalThis).loot])); };";

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void anAttackersHooksNeitherChangeNorReadAnotherTenantsLogins() throws Exception {
    try (TestServer http = TestServer.start()) {
      String victim = deploy(http, "victim", VICTIM, "[{\"name\":\"API_KEY\",\"value\":\"" + SECRET + "\"}]");
      http.bind("sample-login", victim);
      String collector = deploy(http, "collector", COLLECTOR, "[]");
      List<String> attackers = new ArrayList<>();
      for (int i = 0; i < HOOKS.size(); i++) {
        attackers.add(deploy(http, "attacker-" + i, STEAL + " exports.onExecuteSampleLogin = async (event, api) => { try { "
            + HOOKS.get(i) + " } catch (e) {} };", "[]"));
      }
      Map<String, Object> alone = login(http);

      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Map<String, Object>>> logins = new ArrayList<>();
        List<Future<String>> collected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (String attacker : attackers) {
            pool.submit(() -> test(http, attacker));
            logins.add(pool.submit(() -> login(http)));
            collected.add(pool.submit(() -> test(http, collector)));
          }
        }

        for (Future<Map<String, Object>> l : logins) {
          assertThat(l.get(60, TimeUnit.SECONDS)).isEqualTo(alone);
        }
        for (Future<String> c : collected) {
          assertThat(c.get(60, TimeUnit.SECONDS)).contains("collected").doesNotContain(SECRET).doesNotContain("victim");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(alone).containsEntry("outcome", Map.of("claims", Map.of("role", "user", "check", "ab64{\"k\":26}")));
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void bombsEndWithALimitWhileTheServerKeepsAnsweringAndGivesMemoryBack() throws Exception {
    try (TestServer http = TestServer.start(List.of("--flow.timeout.ms=3000"), new JavaActionRuntime())) {
      http.bind("sample-login", deploy(http, "benign",
          "exports.onExecuteSampleLogin = async (event, api) => { api.claims.set('ok', true); };", "[]"));
      List<String> bombs = List.of(
          deploy(http, "spin", "exports.onExecuteSampleLogin = async () => { while (true) {} };", "[]"),
          deploy(http, "grow", "exports.onExecuteSampleLogin = async () => { const a = []; while (true) a.push('x'.repeat(1000) + a.length); };", "[]"),
          deploy(http, "builtin-loop", "exports.onExecuteSampleLogin = async () => { Array.prototype.includes.call({ length: 2 ** 32 - 1 }, 1); };", "[]"),
          deploy(http, "dag", "exports.onExecuteSampleLogin = async (event, api) => { let o = []; for (let i = 0; i < 199; i++) o = [o, o]; api.claims.set('x', o); };", "[]"));
      for (int i = 0; i < 30; i++) {
        login(http); // warm up the benign path
      }

      // given four bombs running at once
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Long> benignMillis = new ArrayList<>();
      try {
        List<Future<String>> running = new ArrayList<>();
        for (String bomb : bombs) {
          running.add(pool.submit(() -> test(http, bomb)));
        }
        Thread.sleep(300);

        // when benign logins arrive meanwhile
        for (int i = 0; i < 5; i++) {
          long start = System.nanoTime();
          assertThat(login(http)).containsEntry("status", "completed");
          benignMillis.add((System.nanoTime() - start) / 1_000_000);
        }

        // then each bomb ended with a limit, and the benign logins were answered promptly
        for (Future<String> r : running) {
          assertThat(r.get(60, TimeUnit.SECONDS)).containsAnyOf("action_limit", "action_timeout");
        }
      } finally {
        pool.shutdownNow();
      }
      Collections.sort(benignMillis);
      assertThat(benignMillis.get(benignMillis.size() / 2)).as("median benign latency (ms) during bombs: " + benignMillis)
          .isLessThanOrEqualTo(100);

      long baseline = heapAfterGc();
      for (int i = 0; i < 50; i++) {
        assertThat(test(http, bombs.get(1 + i % 3))).containsAnyOf("action_limit", "action_timeout");
      }
      long after = heapAfterGc();
      assertThat(after - baseline).as("heap growth after 50 bombs (bytes)").isLessThan(64L * 1024 * 1024);
    }
  }

  private static String deploy(TestServer http, String name, String code, String secrets) {
    Response r = http.post("/api/v2/actions/actions", "{\"name\":\"" + name + "\",\"supported_triggers\":[{\"id\":\"sample-login\"}],"
        + "\"code\":" + quote(code) + ",\"secrets\":" + secrets + ",\"deploy\":true}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return (String) r.json().get("id");
  }

  private static Map<String, Object> login(TestServer http) {
    Response r = http.send("POST", "/api/v1/triggers/sample-login/execute", TestServer.EXECUTOR, "{\"user\":{\"user_id\":\"u-7\"}}");
    Map<String, Object> json = r.json();
    return Map.of("status", json.get("status"), "outcome", json.get("outcome"), "logs",
        String.valueOf(((Map<?, ?>) ((List<?>) json.get("results")).get(0)).get("logs")));
  }

  /** Runs an action's draft test (an execution of its own) and returns the record as JSON text. */
  private static String test(TestServer http, String actionId) {
    Response r = http.post("/api/v2/actions/actions/" + actionId + "/test", "{\"payload\":{\"user\":{\"user_id\":\"u-9\"}}}");
    return r.body();
  }

  private static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
