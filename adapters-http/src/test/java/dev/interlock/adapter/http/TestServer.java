package dev.interlock.adapter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.interlock.adapter.http.internal.Tokens;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.testkit.SampleFamily;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server started on a free port with in-memory stores, the sample family and a few Java
 * actions, plus an HTTP client speaking to it with one of three tokens.
 */
final class TestServer implements AutoCloseable {
  static final String ADMIN = "admin-token-0123456789";
  static final String READER = "reader-token-0123456789";
  static final String EXECUTOR = "executor-token-0123456789";

  final InterlockServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(InterlockServer server) {
    this.server = server;
  }

  static TestServer start() {
    return start(List.of(), new JavaActionRuntime());
  }

  static TestServer start(List<String> extraArgs, JavaActionRuntime runtime) {
    runtime
        .register("add-claim", (event, api) -> api.call("claims.set", "role", "admin"))
        .register("add-other-claim", (event, api) -> api.call("claims.set", "team", "blue"))
        .register("noop", (event, api) -> { })
        .register("deny", (event, api) -> api.call("access.deny", "no entry"))
        .register("boom", (event, api) -> {
          throw new IllegalStateException("exploded");
        });
    List<String> args = new ArrayList<>(List.of(
        "--port=0", "--host=127.0.0.1", "--database.url=memory:", "--access.log=false",
        "--data.dir=" + Path.of("target", "test-data"),
        "--token.admin.sha256=" + Tokens.sha256Hex(ADMIN),
        "--token.admin.scopes=read:actions,create:actions,update:actions,delete:actions,execute:triggers,read:metrics",
        "--token.reader.sha256=" + Tokens.sha256Hex(READER),
        "--token.reader.scopes=read:actions",
        "--token.executor.sha256=" + Tokens.sha256Hex(EXECUTOR),
        "--token.executor.scopes=execute:triggers"));
    args.addAll(extraArgs);
    HttpConfig config = HttpConfig.load(args.toArray(new String[0]), Map.of());
    Module test = new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), TriggerFamily.class).addBinding().toInstance(new SampleFamily());
        Multibinder.newSetBinder(binder(), ScriptRuntime.class).addBinding().toInstance(runtime);
      }
    };
    return new TestServer(InterlockServer.start(config, null, test));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  Response send(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path) {
    return send("GET", path, ADMIN, null);
  }

  Response post(String path, String body) {
    return send("POST", path, ADMIN, body);
  }

  Response patch(String path, String body) {
    return send("PATCH", path, ADMIN, body);
  }

  /** Creates and deploys a Java action for {@code sample-login} and returns its id. */
  String deployedAction(String name, String javaActionName) {
    Response r = post("/api/v2/actions/actions", "{\"name\":\"" + name + "\",\"supported_triggers\":[{\"id\":\""
        + SampleFamily.LOGIN + "\",\"version\":\"v1\"}],\"code\":\"" + javaActionName
        + "\",\"runtime\":\"java\",\"deploy\":true}");
    if (r.status() != 201) {
      throw new AssertionError("create failed: " + r);
    }
    return (String) r.json().get("id");
  }

  void bind(String trigger, String... actionIds) {
    StringBuilder sb = new StringBuilder("{\"bindings\":[");
    for (int i = 0; i < actionIds.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"ref\":{\"type\":\"action_id\",\"value\":\"").append(actionIds[i]).append("\"}}");
    }
    Response r = patch("/api/v2/actions/triggers/" + trigger + "/bindings", sb.append("]}").toString());
    if (r.status() != 200) {
      throw new AssertionError("bind failed: " + r);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }

  static List<Object> field(List<Object> items, String name) {
    List<Object> out = new ArrayList<>();
    for (Object o : items) {
      out.add(obj(o).get(name));
    }
    return out;
  }

  record Response(int status, String body, HttpResponse<String> raw) {
    Map<String, Object> json() {
      return Json.parseObject(body);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String field) {
      return (List<Object>) json().get(field);
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
