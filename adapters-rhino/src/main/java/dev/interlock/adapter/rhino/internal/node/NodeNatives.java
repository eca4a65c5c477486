package dev.interlock.adapter.rhino.internal.node;

import dev.interlock.adapter.rhino.internal.NodeBridge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;
import org.mozilla.javascript.Undefined;

/**
 * The host functions the JavaScript polyfills ({@code node/polyfill.js}) are written on: byte
 * encodings, digests, signatures, randomness, formatting and HTTP. They are handed to the
 * polyfill's factory as one object and are never reachable as a global.
 */
final class NodeNatives {
  private NodeNatives() {}

  static NativeObject build(ScriptableObject global, NodeHttp http) {
    NativeObject n = NodeBridge.newObject(global);
    def(n, global, "utf8Encode", (cx, s, t, a) -> Bytes.array(cx, scope(cx), str(a, 0).getBytes(StandardCharsets.UTF_8)));
    def(n, global, "utf8Decode", (cx, s, t, a) -> new String(Bytes.of(arg(a, 0)), StandardCharsets.UTF_8));
    def(n, global, "latin1Encode", (cx, s, t, a) -> Bytes.array(cx, scope(cx), latin1(str(a, 0))));
    def(n, global, "latin1Decode", (cx, s, t, a) -> new String(Bytes.of(arg(a, 0)), StandardCharsets.ISO_8859_1));
    def(n, global, "base64Encode", (cx, s, t, a) -> {
      byte[] b = Bytes.of(arg(a, 0));
      return ScriptRuntime.toBoolean(arg(a, 1))
          ? Base64.getUrlEncoder().withoutPadding().encodeToString(b)
          : Base64.getEncoder().encodeToString(b);
    });
    def(n, global, "base64Decode", (cx, s, t, a) -> Bytes.array(cx, scope(cx), base64(str(a, 0))));
    def(n, global, "hexEncode", (cx, s, t, a) -> HexFormat.of().formatHex(Bytes.of(arg(a, 0))));
    def(n, global, "hexDecode", (cx, s, t, a) -> Bytes.array(cx, scope(cx), hex(str(a, 0))));
    def(n, global, "hash", (cx, s, t, a) -> Bytes.array(cx, scope(cx), NodeCrypto.hash(str(a, 0), Bytes.of(arg(a, 1)))));
    def(n, global, "hmac", (cx, s, t, a) ->
        Bytes.array(cx, scope(cx), NodeCrypto.hmac(str(a, 0), Bytes.of(arg(a, 1)), Bytes.of(arg(a, 2)))));
    def(n, global, "randomBytes", (cx, s, t, a) -> {
      double size = ScriptRuntime.toNumber(arg(a, 0));
      if (!(size >= 0 && size <= Integer.MAX_VALUE)) {
        throw new IllegalArgumentException("The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received " + ScriptRuntime.toString(arg(a, 0)));
      }
      NodeBridge.reserve(cx, 2 * size, "randomBytes(" + (long) size + ")");
      return Bytes.array(cx, scope(cx), NodeCrypto.randomBytes((int) size));
    });
    def(n, global, "randomUUID", (cx, s, t, a) -> NodeCrypto.randomUuid());
    def(n, global, "sign", (cx, s, t, a) ->
        Bytes.array(cx, scope(cx), NodeCrypto.sign(str(a, 0), str(a, 1), Bytes.of(arg(a, 2)))));
    def(n, global, "verify", (cx, s, t, a) ->
        NodeCrypto.verify(str(a, 0), str(a, 1), Bytes.of(arg(a, 2)), Bytes.of(arg(a, 3))));
    def(n, global, "format", (cx, s, t, a) -> NodeBridge.format(a));
    def(n, global, "jwsSign", (cx, s, t, a) -> Bytes.array(cx, scope(cx), NodeJose.sign(str(a, 0), str(a, 1), Bytes.of(arg(a, 2)))));
    def(n, global, "jwsVerify", (cx, s, t, a) ->
        NodeJose.verify(str(a, 0), str(a, 1), Bytes.of(arg(a, 2)), Bytes.of(arg(a, 3))));
    def(n, global, "jwkToPem", (cx, s, t, a) -> {
      Object jwk = NodeBridge.toJson(arg(a, 0), "JWK");
      if (!(jwk instanceof java.util.Map<?, ?> m)) {
        throw new IllegalArgumentException("a JWK must be an object");
      }
      return NodeJose.jwkToPem(m);
    });
    def(n, global, "dependencyVersion", (cx, s, t, a) -> {
      String v = NodeBridge.dependencyVersion(cx, str(a, 0));
      return v == null ? Undefined.instance : v;
    });
    def(n, global, "currencyDigits", (cx, s, t, a) -> NumberFormats.currencyDigits(str(a, 0)));
    def(n, global, "formatNumber", (cx, s, t, a) -> NumberFormats.format(ScriptRuntime.toNumber(arg(a, 0)), str(a, 1),
        str(a, 2), str(a, 3), ScriptRuntime.toInt32(arg(a, 4)), ScriptRuntime.toInt32(arg(a, 5)),
        ScriptRuntime.toBoolean(arg(a, 6))));
    def(n, global, "inspect", (cx, s, t, a) -> NodeBridge.inspect(arg(a, 0)));
    def(n, global, "httpStart", (cx, s, t, a) -> {
      List<String[]> headers = new ArrayList<>();
      if (arg(a, 2) instanceof NativeArray flat) {
        for (int i = 0; i + 1 < flat.getLength(); i += 2) {
          headers.add(new String[] {ScriptRuntime.toString(flat.get(i)), ScriptRuntime.toString(flat.get(i + 1))});
        }
      }
      Object body = arg(a, 3);
      byte[] bytes = body == null || body == Undefined.instance ? null : Bytes.of(body);
      NodeHttp.Request request = new NodeHttp.Request(
          str(a, 0), str(a, 1), headers, bytes, ScriptRuntime.toNumber(arg(a, 4)), str(a, 5));
      return http.start(cx, request);
    });
    def(n, global, "httpAwait", (cx, s, t, a) -> {
      if (!(arg(a, 1) instanceof org.mozilla.javascript.Function callback)) {
        throw ScriptRuntime.typeError("httpAwait needs a callback");
      }
      http.await(cx, (int) ScriptRuntime.toNumber(arg(a, 0)), callback);
      return Undefined.instance;
    });
    def(n, global, "httpCancel", (cx, s, t, a) -> {
      http.cancel(cx, (int) ScriptRuntime.toNumber(arg(a, 0)));
      return Undefined.instance;
    });
    return n;
  }

  private static Scriptable scope(Context cx) {
    return NodeBridge.scope(cx);
  }

  static Object arg(Object[] a, int i) {
    return i < a.length ? a[i] : Undefined.instance;
  }

  static String str(Object[] a, int i) {
    return ScriptRuntime.toString(arg(a, i));
  }

  private static byte[] latin1(String s) {
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) s.charAt(i);
    }
    return out;
  }

  /** Node's lenient decoder: either alphabet, whitespace and junk ignored, stops at padding. */
  private static byte[] base64(String s) {
    StringBuilder clean = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=') {
        break;
      }
      if (c == '-') {
        clean.append('+');
      } else if (c == '_') {
        clean.append('/');
      } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
        clean.append(c);
      }
    }
    if (clean.length() % 4 == 1) {
      clean.setLength(clean.length() - 1);
    }
    return Base64.getDecoder().decode(clean.toString().replaceAll("=", ""));
  }

  /** Node's hex decoder: stops at the first character pair that is not hex. */
  private static byte[] hex(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i + 1 < s.length(); i += 2) {
      int hi = Character.digit(s.charAt(i), 16);
      int lo = Character.digit(s.charAt(i + 1), 16);
      if (hi < 0 || lo < 0) {
        break;
      }
      out.write(hi * 16 + lo);
    }
    return out.toByteArray();
  }

  /**
   * Defines a host function whose Java failures reach the script as a plain {@code Error} (never
   * as a wrapped Java exception).
   */
  static void def(NativeObject target, ScriptableObject global, String name, SerializableCallable body) {
    target.defineProperty(name, new LambdaFunction(global, name, 0, (cx, scope, thisObj, args) -> {
      try {
        return body.call(cx, scope, thisObj, args);
      } catch (RhinoException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ScriptRuntime.constructError("Error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
    }), ScriptableObject.DONTENUM);
  }
}
