package dev.interlock.adapter.cli;

import dev.interlock.adapter.http.HttpConfig;
import dev.interlock.adapter.http.InterlockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The real HTTP service on a free loopback port, in memory, with one admin token, for the CLI's remote tests. */
final class LocalServer {
  private LocalServer() {}

  static InterlockServer start(String token, String dataDirName) {
    try {
      String sha = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
      HttpConfig config = HttpConfig.load(new String[] {
          "--port=0", "--host=127.0.0.1", "--database.url=memory:", "--access.log=false",
          "--data.dir=" + Path.of("target", dataDirName), "--token.admin.sha256=" + sha,
          "--token.admin.scopes=read:actions,create:actions,update:actions,delete:actions,execute:triggers"},
          Map.of());
      return InterlockServer.start(config, null);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
