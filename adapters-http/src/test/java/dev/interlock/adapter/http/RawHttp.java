package dev.interlock.adapter.http;

import dev.interlock.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 over a plain loopback socket, for requests a well-behaved client cannot send: broken
 * framing, bad escapes, oversized headers, uploads that stall or stop half-way.
 */
final class RawHttp implements AutoCloseable {
  private static final int READ_TIMEOUT_MS = 20_000;
  private final Socket socket;

  RawHttp(int port) {
    try {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(READ_TIMEOUT_MS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a whole request and reads its answer. */
  static Answer exchange(int port, String request) {
    try (RawHttp c = new RawHttp(port)) {
      c.send(request);
      return c.answer();
    }
  }

  RawHttp send(String text) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the server closes the connection or the response's declared length arrived; null if none came. */
  Answer answer() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        all.write(buf, 0, n);
        Answer a = Answer.parse(all.toString(StandardCharsets.ISO_8859_1));
        if (a != null && a.complete()) {
          return a;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + READ_TIMEOUT_MS + " ms; got so far: " + all, e);
    } catch (IOException e) {
      // a reset after the answer: what arrived counts
    }
    return Answer.parse(all.toString(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** A parsed response: status, content type and body. */
  record Answer(int status, String contentType, String body, int declaredLength) {
    static Answer parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
        return null;
      }
      String[] lines = raw.substring(0, end).split("\r\n");
      String type = null;
      int length = -1;
      for (String l : lines) {
        String lower = l.toLowerCase();
        if (lower.startsWith("content-type:")) {
          type = l.substring(13).trim();
        } else if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(l.substring(15).trim());
        }
      }
      return new Answer(Integer.parseInt(lines[0].substring(9, 12)), type, raw.substring(end + 4), length);
    }

    boolean complete() {
      return declaredLength >= 0 && body.getBytes(StandardCharsets.ISO_8859_1).length >= declaredLength;
    }

    Map<String, Object> json() {
      return Json.parseObject(body);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
