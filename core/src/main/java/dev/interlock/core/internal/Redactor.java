package dev.interlock.core.internal;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ScriptError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks an action's secret values in text bound for logs, errors, stack traces and recorded
 * commands: the values as written and in the forms a script trivially produces ({@link
 * SecretForms}: hex, base64, reversed, ...), also inside percent and JSON escapes ({@link
 * EscapedText}), and the distinctive parts of URL-valued secrets. Values shorter than four
 * characters are left alone: masking them would garble ordinary words without protecting much.
 * See {@code docs/security.md ("Secret masking")} for what stays visible by design.
 */
final class Redactor {
  static final String MASK = "[secret]";
  static final Redactor NONE = new Redactor(null);

  /** Escapes decoded within escapes: {@code JSON.stringify} of a {@code JSON.stringify}'d body, and so on. */
  private static final int DECODE_LEVELS = 3;
  private static final int CACHED = 256;
  /** By secret values: the same version's secrets are masked on every execution, the forms built once. */
  private static final Map<List<String>, Redactor> CACHE =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Redactor> eldest) {
          return size() > CACHED;
        }
      });

  private final LiteralSearch search;

  private Redactor(LiteralSearch search) {
    this.search = search;
  }

  static Redactor of(Collection<String> secretValues) {
    List<String> key = new ArrayList<>(secretValues.size());
    for (String v : secretValues) {
      if (v != null && v.length() >= SecretForms.MIN_SECRET) {
        key.add(v);
      }
    }
    if (key.isEmpty()) {
      return NONE;
    }
    Redactor r = CACHE.get(key);
    if (r == null) {
      Set<String> forms = SecretForms.of(key);
      r = new Redactor(new LiteralSearch(forms));
      CACHE.put(List.copyOf(key), r);
    }
    return r;
  }

  /** Masks the name, message and stack. */
  ScriptError redact(ScriptError e) {
    if (search == null || e == null) {
      return e;
    }
    return new ScriptError(redact(e.name()), redact(e.message()), redact(e.stack()));
  }

  /** The result as recorded: command arguments (and object keys) masked at any depth. */
  ActionResult redact(ActionResult r) {
    List<Command> commands = redactCommands(r.commands());
    return commands == r.commands() ? r : new ActionResult(r.actionId(), r.actionName(), r.version(), r.handler(),
        r.status(), r.startedAt(), r.endedAt(), r.durationMs(), commands, r.logs(), r.logsTruncated(), r.error());
  }

  /** Commands with every string argument (at any depth) and every object key masked. */
  List<Command> redactCommands(List<Command> commands) {
    if (search == null || commands.isEmpty()) {
      return commands;
    }
    List<Command> out = new ArrayList<>(commands.size());
    for (Command c : commands) {
      List<Object> args = new ArrayList<>(c.args().size());
      for (Object a : c.args()) {
        args.add(redactValue(a));
      }
      out.add(new Command(c.name(), args));
    }
    return out;
  }

  private Object redactValue(Object v) {
    if (v instanceof String s) {
      return redact(s);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(redact(String.valueOf(k)), redactValue(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(redactValue(x)));
      return out;
    }
    return v;
  }

  String redact(String text) {
    if (text == null || search == null || text.length() < SecretForms.MIN_SECRET) {
      return text;
    }
    LiteralSearch.Ranges found = new LiteralSearch.Ranges();
    search.find(text, found);
    if (EscapedText.mayBeEscaped(text)) {
      EscapedText decoded = EscapedText.decode(text);
      for (int level = 0; decoded != null && level < DECODE_LEVELS; level++) {
        findDecoded(decoded, found);
        decoded = EscapedText.mayBeEscaped(decoded.text) ? decoded.decodeAgain() : null;
      }
    }
    return found.isEmpty() ? text : found.apply(text, MASK);
  }

  private void findDecoded(EscapedText decoded, LiteralSearch.Ranges found) {
    LiteralSearch.Ranges inDecoded = new LiteralSearch.Ranges();
    search.find(decoded.text, inDecoded);
    inDecoded.forEach((from, to) -> found.add(decoded.from[from], decoded.to[to - 1]));
  }
}
