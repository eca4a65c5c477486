package dev.interlock.adapter.http.internal;

import dev.interlock.core.NotFoundException;
import dev.interlock.core.TriggerExecutor;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerId;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interlock's own execution API under {@code /api/v1}: run a trigger's bound flow with an event,
 * resume a suspended flow, read an execution record (core's {@link ExecutionRecordJson} shape).
 */
public final class ExecutionRoutes {
  static final String EXECUTE = "execute:triggers";
  private final TriggerExecutor executor;
  private final long maxBodyBytes;
  private final ExecutionGate gate;

  public ExecutionRoutes(TriggerExecutor executor, long maxBodyBytes, ExecutionGate gate) {
    this.executor = executor;
    this.maxBodyBytes = maxBodyBytes;
    this.gate = gate;
  }

  public List<Route> routes() {
    return List.of(
        Route.scoped("POST", "/api/v1/triggers/{triggerId}/execute", EXECUTE, this::execute),
        Route.scoped("POST", "/api/v1/executions/{id}/resume", EXECUTE, this::resume),
        Route.scopedAny("GET", "/api/v1/executions/{id}", Set.of(EXECUTE, "read:actions"), this::get));
  }

  private void execute(Context ctx) {
    TriggerId trigger = trigger(ctx.pathParam("triggerId"));
    Map<String, Object> event = Body.object(ctx, false, maxBodyBytes);
    // The slot bounds flows running on request threads; it is released when the call returns, so an
    // action waiting for I/O (fetch) holds neither a slot nor a server thread while it waits.
    java.util.concurrent.CompletableFuture<ExecutionResult> result =
        gate.run(() -> executor.executeAsync(trigger, event).toCompletableFuture());
    if (result.isDone() && !result.isCompletedExceptionally()) {
      respond(ctx, trigger, result.join());
    } else {
      ctx.future(() -> result.thenAccept(r -> respond(ctx, trigger, r)));
    }
  }

  private static void respond(Context ctx, TriggerId trigger, ExecutionResult result) {
    if (result instanceof ExecutionResult.Pending) {
      String id = result.record().id().value();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("trigger_id", trigger.value());
      m.put("status", "pending");
      m.put("record_url", "/api/v1/executions/" + id);
      ctx.header("Location", "/api/v1/executions/" + id);
      ManagementRoutes.send(ctx, 202, m);
      return;
    }
    Body.sendJson(ctx, 200, ExecutionRecordJson.write(result.record()));
  }

  private void resume(Context ctx) {
    Map<String, Object> m = Body.object(ctx, false);
    Body b = new Body();
    Map<String, Object> query = b.object(m.get("query"), "$.query", false);
    Map<String, Object> body = b.object(m.get("body"), "$.body", false);
    for (String k : m.keySet()) {
      if (!k.equals("query") && !k.equals("body")) {
        b.problem("$." + k, "is not accepted; a resume request has only query and body");
      }
    }
    if (!m.containsKey("query") && !m.containsKey("body")) {
      b.problem("$", "give the /continue request's query and/or body");
    }
    b.done();
    ExecutionResult result = executor.resume(ctx.pathParam("id"), ResumeRequest.of(query, body));
    ctx.status(200).contentType("application/json").result(ExecutionRecordJson.write(result.record()));
  }

  private void get(Context ctx) {
    ExecutionId id = new ExecutionId(ctx.pathParam("id"));
    ctx.status(200).contentType("application/json").result(ExecutionRecordJson.write(executor.find(id).orElseThrow(
        () -> new NotFoundException("execution_not_found", "execution " + id + " does not exist"))));
  }

  private static TriggerId trigger(String value) {
    try {
      return TriggerId.of(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("unknown_trigger", "unknown trigger '" + value + "'");
    }
  }
}
