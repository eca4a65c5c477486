package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code api.samlResponse.*}: SAML response configuration for SAML applications. Every setter
 * validates its argument against the reference's limits and throws on invalid input (which fails
 * the action and so discards its commands).
 */
public final class SamlResponseApi {
  public static final int MAX_ATTRIBUTES = 100;
  public static final int MAX_ATTRIBUTE_NAME_BYTES = 1024;
  public static final int MAX_ATTRIBUTE_VALUE_BYTES = 2048;
  public static final int MAX_PROBES = 10;
  static final String ATTRIBUTES_KEY = "saml.attributes";

  private SamlResponseApi() {}

  public static List<ApiMethod> methods() {
    List<ApiMethod> out = new ArrayList<>();
    out.add(ApiMethod.command("samlResponse.setAttribute")
        .param("attribute", "string")
        .param("value", "string | number | boolean | null | Array<string | number | boolean>")
        .returnsApi()
        .describedAs("Sets (null or undefined removes) a SAML attribute; at most 100 attributes.")
        .does(SamlResponseApi::setAttribute));
    text(out, "setAudience", 2048, "Audience of the assertion (default: issuer of the SAMLRequest).");
    text(out, "setRecipient", 2048, "Recipient (default: ACS URL).");
    text(out, "setDestination", 2048, "Destination (default: ACS URL).");
    text(out, "setIssuer", 512, "Issuer (default urn:auth0:<tenant>).");
    text(out, "setRelayState", 512, "RelayState.");
    text(out, "setNameIdentifierFormat", 512, "NameID format.");
    text(out, "setAuthnContextClassRef", 512, "AuthnContextClassRef.");
    text(out, "setSigningCert", 4096, "Certificate SAML requests must be signed with.");
    text(out, "setEncryptionCert", 4096, "Certificate to encrypt the assertion (with setEncryptionPublicKey).");
    text(out, "setEncryptionPublicKey", 4096, "Public key to encrypt the assertion (with setEncryptionCert).");
    text(out, "setCert", 4096, "Signing certificate (with setKey).");
    text(out, "setKey", 4096, "Signing private key (with setCert).");
    for (String b : List.of("setCreateUpnClaim", "setPassthroughClaimsWithNoMapping", "setMapUnknownClaimsAsIs",
        "setMapIdentities", "setSignResponse", "setIncludeAttributeNameFormat", "setTypedAttributes")) {
      out.add(setter(b, "boolean", "Boolean SAML option.", (call, args) -> args.bool(0, "value")));
    }
    choice(out, "setSignatureAlgorithm", List.of("rsa-sha256", "rsa-sha1"));
    choice(out, "setDigestAlgorithm", List.of("sha256", "sha1"));
    choice(out, "setEncryptionAlgorithm", List.of("aes256-gcm", "aes256-cbc"));
    out.add(setter("setLifetimeInSeconds", "number", "Assertion lifetime in seconds (default 3600).", (call, args) -> {
      double n = args.number(0, "value");
      if (!Double.isFinite(n) || n <= 0) {
        throw ApiCallException.rangeError(args.prefix() + "value must be a positive number, got " + n);
      }
      return null;
    }));
    out.add(setter("setNameIdentifierProbes", "string[]", "Claims probed for the NameID; at most 10.", (call, args) -> {
      List<Object> probes = args.array(0, "value");
      if (probes.size() > MAX_PROBES) {
        throw ApiCallException.rangeError(args.prefix() + "at most " + MAX_PROBES + " probes, got " + probes.size());
      }
      for (int i = 0; i < probes.size(); i++) {
        if (!(probes.get(i) instanceof String s) || Json.utf8Length(s) > 512) {
          throw ApiCallException.typeError(args.prefix() + "value[" + i + "] must be a string of at most 512 bytes");
        }
      }
      return null;
    }));
    return out;
  }

  private static void text(List<ApiMethod> out, String name, int maxBytes, String doc) {
    out.add(setter(name, "string", doc + " At most " + maxBytes + " bytes.",
        (call, args) -> Checks.bytes(args, 0, "value", maxBytes)));
  }

  private static void choice(List<ApiMethod> out, String name, List<String> allowed) {
    out.add(setter(name, String.join(" | ", allowed.stream().map(a -> "'" + a + "'").toList()),
        "One of " + allowed + ".", (call, args) -> Checks.oneOf(args, 0, "value", allowed)));
  }

  private static ApiMethod setter(String name, String type, String doc, dev.interlock.core.trigger.ApiFunction f) {
    return ApiMethod.command("samlResponse." + name).param("value", type).returnsApi().describedAs(doc).does(f);
  }

  private static Object setAttribute(ApiCall call, Arguments args) {
    String name = Checks.bytes(args, 0, "attribute", MAX_ATTRIBUTE_NAME_BYTES);
    if (name.isEmpty()) {
      throw ApiCallException.typeError(args.prefix() + "attribute must not be empty");
    }
    Object value = args.get(1);
    if (value != null && value != Undefined.VALUE) {
      boolean ok = scalar(value);
      if (value instanceof List<?> list) {
        ok = list.stream().allMatch(SamlResponseApi::scalar);
      }
      if (!ok) {
        throw args.wrongType("value", "a string, number, boolean, null or an array of those", value);
      }
      int size = Json.utf8Length(Json.write(value));
      if (size > MAX_ATTRIBUTE_VALUE_BYTES) {
        throw ApiCallException.rangeError(
            args.prefix() + "value must be at most " + MAX_ATTRIBUTE_VALUE_BYTES + " bytes, got " + size);
      }
    }
    Map<String, Object> seen = Checks.stateObject(call.flowState(), ATTRIBUTES_KEY);
    if (!seen.containsKey(name) && seen.size() >= MAX_ATTRIBUTES) {
      throw ApiCallException.rangeError(args.prefix() + "at most " + MAX_ATTRIBUTES + " attributes can be set");
    }
    seen.put(name, true);
    return null;
  }

  private static boolean scalar(Object v) {
    return v instanceof String || v instanceof Number || v instanceof Boolean;
  }
}
