package dev.interlock.adapter.rhino.internal.node;

import dev.interlock.adapter.rhino.internal.NodeBridge;
import java.nio.charset.StandardCharsets;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.typedarrays.NativeArrayBuffer;
import org.mozilla.javascript.typedarrays.NativeArrayBufferView;
import org.mozilla.javascript.typedarrays.NativeUint8Array;

/** Moves bytes between Java and JavaScript typed arrays (copies; scripts never see a byte[]). */
final class Bytes {
  private Bytes() {}

  /** The bytes of a typed array, DataView or ArrayBuffer, or the UTF-8 bytes of anything else. */
  static byte[] of(Object value) {
    if (value instanceof NativeArrayBufferView v) {
      byte[] out = new byte[v.getByteLength()];
      System.arraycopy(v.getBuffer().getBuffer(), v.getByteOffset(), out, 0, out.length);
      return out;
    }
    if (value instanceof NativeArrayBuffer b) {
      return b.getBuffer().clone();
    }
    return ScriptRuntime.toString(value).getBytes(StandardCharsets.UTF_8);
  }

  /** A new {@code Uint8Array} holding a copy of {@code bytes}, charged to the memory budget. */
  static Scriptable array(Context cx, Scriptable scope, byte[] bytes) {
    NodeBridge.reserve(cx, bytes.length, "a buffer of " + bytes.length + " bytes");
    NativeUint8Array a = (NativeUint8Array) cx.newObject(scope, "Uint8Array", new Object[] {bytes.length});
    System.arraycopy(bytes, 0, a.getBuffer().getBuffer(), a.getByteOffset(), bytes.length);
    return a;
  }
}
