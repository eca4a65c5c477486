package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.testkit.EngineFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Errors the built-in modules (jsonwebtoken, axios, jose) create fail the action as the script's
 * own error, with their name and message as Node shows them, however they leave the handler.
 */
class HostModuleErrorsTest {
  private static final String PRELUDE = String.join("\n",
      "const jwt = require('jsonwebtoken');",
      "const axios = require('axios');",
      "const jose = require('jose');",
      "const expired = jwt.sign({ sub: 'u1', exp: 1000 }, 'secret');",
      "const secret = new TextEncoder().encode('secret');");
  /** Every request answers 404, without the network. */
  private static final EngineFixture ENGINE = Scripts.engine(EngineConfig.defaults(), RhinoRuntimes.create(RhinoConfig.defaults()
      .withEgress(RhinoEgress.defaults().withAllowPublicHosts(false))
      .withFetchInterceptor(request -> CompletableFuture.completedFuture(new FetchInterceptor.Response(404,
          Map.of("content-type", List.of("application/json")), "{\"error\":\"not_found\"}".getBytes(StandardCharsets.UTF_8))))));

  private static ExecutionRecord run(String handler) {
    return Scripts.run(ENGINE, PRELUDE + "\n" + handler);
  }

  static Stream<Arguments> uncaughtErrors() {
    String jwtMalformed = "jwt.verify('bad', 'k')";
    String axios404 = "axios.get('https://api.example.com/users/1')";
    String joseExpired = "jose.jwtVerify(expired, secret)";
    String joseInvalid = "jose.decodeJwt('bad')";
    return Stream.of(
        Arguments.of("jsonwebtoken, thrown synchronously", "async (event, api) => { " + jwtMalformed + "; }",
            "JsonWebTokenError", "jwt malformed"),
        Arguments.of("jsonwebtoken, rejected promise", "async (event, api) => Promise.resolve().then(() => " + jwtMalformed + ")",
            "JsonWebTokenError", "jwt malformed"),
        Arguments.of("jsonwebtoken, thrown after await", "async (event, api) => { await null; " + jwtMalformed + "; }",
            "JsonWebTokenError", "jwt malformed"),
        Arguments.of("jsonwebtoken expiry, thrown after await", "async (event, api) => { await null; jwt.verify(expired, 'secret'); }",
            "TokenExpiredError", "jwt expired"),
        Arguments.of("axios, rejected promise", "async (event, api) => " + axios404,
            "AxiosError", "Request failed with status code 404"),
        Arguments.of("axios, thrown after await", "async (event, api) => { await " + axios404 + "; }",
            "AxiosError", "Request failed with status code 404"),
        Arguments.of("jose, thrown synchronously", "async (event, api) => { " + joseInvalid + "; }",
            "JWTInvalid", "Invalid JWT"),
        Arguments.of("jose, rejected promise", "async (event, api) => " + joseExpired,
            "JWTExpired", "\"exp\" claim timestamp check failed"),
        Arguments.of("jose, thrown after await", "async (event, api) => { await " + joseExpired + "; }",
            "JWTExpired", "\"exp\" claim timestamp check failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uncaughtErrors")
  void anUncaughtModuleErrorFailsTheActionWithItsOwnNameAndMessage(String how, String handler, String name, String message) {
    ExecutionRecord r = run("exports.onExecutePostLogin = " + handler + ";");

    ScriptError error = r.results().get(0).error();
    assertThat(r.error().code()).as(String.valueOf(error)).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(error.name()).isEqualTo(name);
    assertThat(error.message()).isEqualTo(message);
    assertThat(error.stack()).startsWith(name + ": " + message);
  }

  @Test
  void aModuleErrorThrownSynchronouslyPointsAtTheAuthorsLine() {
    ExecutionRecord r = run("exports.onExecutePostLogin = async (event, api) => {\n  jwt.verify('bad', 'k');\n};");

    assertThat(r.results().get(0).error().stack()).isEqualTo("JsonWebTokenError: jwt malformed\n    at anonymous (test-action:7)\n    at anonymous (test-action:6)");
  }

  @Test
  void aCaughtModuleErrorHasAStackTheScriptAndTheConsoleCanRead() {
    ExecutionRecord r = run(String.join("\n",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const out = [];",
        "  for (const fail of [() => jwt.verify('bad', 'k'), () => axios.get('https://api.example.com/x'), () => jose.jwtVerify(expired, secret)]) {",
        "    try { await fail(); } catch (e) {",
        "      console.log(e);",
        "      out.push([e.name, typeof e.stack, e instanceof Error, String(e)]);",
        "    }",
        "  }",
        "  api.accessToken.setCustomClaim('result', out);",
        "};"));

    assertThat(r.results().get(0).error()).isNull();
    assertThat(r.commands().get(0).arg(1)).isEqualTo(List.of(
        List.of("JsonWebTokenError", "string", true, "JsonWebTokenError: jwt malformed"),
        List.of("AxiosError", "string", true, "AxiosError: Request failed with status code 404"),
        List.of("JWTExpired", "string", true, "JWTExpired: \"exp\" claim timestamp check failed")));
    assertThat(r.results().get(0).logs()).hasSize(3);
  }

  @Test
  void anErrorTheScriptReparentsOntoAPlainPrototypeStillFailsAsTheScriptsError() {
    ExecutionRecord r = run(String.join("\n",
        "function Custom() {}",
        "Custom.prototype = Object.create(Error.prototype);",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const e = new Error('odd');",
        "  Object.setPrototypeOf(e, Custom.prototype);",
        "  e.name = 'Custom';",
        "  throw e;",
        "};"));

    assertThat(r.error().code()).as(String.valueOf(r.results().get(0).error())).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.results().get(0).error().name()).isEqualTo("Custom");
    assertThat(r.results().get(0).error().stack()).startsWith("Custom: odd\n    at anonymous (test-action:9)");
  }
}
