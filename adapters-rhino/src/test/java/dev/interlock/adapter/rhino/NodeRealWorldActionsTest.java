package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.testkit.EngineFixture;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole actions in the style of the Auth0 marketplace, using the Node layer end to end. */
class NodeRealWorldActionsTest {
  private static TestHttpServer server;
  private static EngineFixture engine;

  @BeforeAll
  static void start() throws IOException {
    server = new TestHttpServer();
    RhinoConfig config = RhinoConfig.defaults()
        .withEgress(RhinoEgress.defaults().withAllowedHosts(List.of("127.0.0.1:" + server.port())));
    engine = Scripts.engine(EngineConfig.defaults(), RhinoRuntimes.create(config));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Object claim(ExecutionRecord r, String name) {
    assertThat(r.results().get(0).error()).as("action error").isNull();
    return r.commands().stream().filter(c -> c.name().equals("accessToken.setCustomClaim") && name.equals(c.arg(0)))
        .map(c -> c.arg(1)).findFirst().orElseThrow(() -> new AssertionError("no claim " + name + " in " + r.commands()));
  }

  @Test
  void enrichesTheTokenFromAnExternalApiWithAxiosAndASecret() {
    String code = String.join("\n",
        "const axios = require('axios');",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const client = axios.create({ baseURL: event.secrets.API_BASE, headers: { 'X-Custom': event.secrets.API_KEY }, timeout: 2000 });",
        "  const { data } = await client.post('/echo', { email: event.user.email });",
        "  api.accessToken.setCustomClaim('https://acme/echo', { custom: data.custom, body: JSON.parse(data.body) });",
        "};");

    ExecutionRecord r = Scripts.run(engine, code, Map.of("API_BASE", "http://127.0.0.1:" + server.port(), "API_KEY", "k-123"),
        Scripts.Events.login()).record();

    // the header carried the secret to the server and back; the record masks the action's secret values
    assertThat(claim(r, "https://acme/echo")).isEqualTo(Map.of("custom", "[secret]", "body", Map.of("email", "ada@example.com")));
  }

  @Test
  void signsAnIntercomStyleUserHashAndASessionToken() {
    String code = String.join("\n",
        "const crypto = require('node:crypto');",
        "const jwt = require('jsonwebtoken');",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const hash = crypto.createHmac('sha256', event.secrets.INTERCOM_SECRET).update(event.user.email).digest('hex');",
        "  const token = jwt.sign({ sub: event.user.user_id }, event.secrets.SESSION_SECRET, { expiresIn: '5m', issuer: 'acme' });",
        "  const back = jwt.verify(token, event.secrets.SESSION_SECRET, { issuer: 'acme' });",
        "  api.accessToken.setCustomClaim('hash', hash);",
        "  api.accessToken.setCustomClaim('sub', back.sub);",
        "};");

    ExecutionRecord r = Scripts.run(engine, code, Map.of("INTERCOM_SECRET", "secret", "SESSION_SECRET", "s"),
        Scripts.Events.login()).record();

    // node -e "crypto.createHmac('sha256', 'secret').update('ada@example.com').digest('hex')"
    assertThat(claim(r, "hash")).isEqualTo("d1da3149b0fa35cd09c21c293552aeb73c0085ec04332577adec55eafdee7e0e");
    assertThat(claim(r, "sub")).isEqualTo("auth0|123");
  }

  @Test
  void deniesLoginWhenARiskServiceIsUnreachableUnderTheEgressPolicy() {
    String code = String.join("\n",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  try {",
        "    const res = await fetch('http://169.254.169.254/latest/meta-data/iam', { signal: AbortSignal.timeout(1000) });",
        "    api.accessToken.setCustomClaim('risk', await res.text());",
        "  } catch (e) {",
        "    api.access.deny('risk check failed: ' + e.code);",
        "  }",
        "};");

    ExecutionRecord r = Scripts.run(engine, code, Map.of(), Scripts.Events.login()).record();

    assertThat(r.commands()).extracting(Command::name).containsExactly("access.deny");
    assertThat(r.commands().get(0).arg(0)).isEqualTo("risk check failed: EGRESS_DENIED");
  }
}
