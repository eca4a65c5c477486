package dev.interlock.adapter.rhino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ExecutionRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code require('auth0')}: ManagementClient and AuthenticationClient against a stubbed tenant,
 * with version 4's surface and results by default and version 3's when the action declares auth0@3.
 */
class Auth0ModuleTest {
  private static final String TENANT = "https://tenant.example.com";
  private final List<FetchInterceptor.Request> requests = new CopyOnWriteArrayList<>();
  private final BoundRhino engine = new BoundRhino(
      RhinoConfig.defaults().withEgress(RhinoEgress.defaults().withAllowPublicHosts(false)).withFetchInterceptor(this::tenant),
      EngineConfig.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  /** A Management and Authentication API with one user, auth0|123, holding role "admin". */
  private CompletionStage<FetchInterceptor.Response> tenant(FetchInterceptor.Request r) {
    requests.add(r);
    String path = r.url().substring(TENANT.length());
    String body = new String(r.body(), StandardCharsets.UTF_8);
    switch (r.method() + " " + path) {
      case "POST /oauth/token":
        return json(200, "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":86400}");
      case "PATCH /api/v2/users/auth0%7C123":
        return json(200, "{\"user_id\":\"auth0|123\"," + body.substring(1));
      case "GET /api/v2/users/auth0%7C123/roles":
        return json(200, "[{\"id\":\"rol_1\",\"name\":\"admin\"}]");
      case "GET /api/v2/users-by-email?email=ada%40example.com":
        return json(200, "[{\"user_id\":\"auth0|123\"}]");
      case "GET /api/v2/clients/cli_1":
        return json(200, "{\"client_id\":\"cli_1\",\"name\":\"Dashboard\"}");
      case "GET /api/v2/connections?strategy=auth0":
        return json(200, "[{\"id\":\"con_1\",\"name\":\"Username-Password-Authentication\"}]");
      case "POST /dbconnections/change_password":
        return CompletableFuture.completedFuture(new FetchInterceptor.Response(200, Map.of("content-type", List.of("text/plain")),
            "We've just sent you an email to reset your password.".getBytes(StandardCharsets.UTF_8)));
      case "GET /userinfo":
        return json(200, "{\"sub\":\"auth0|123\",\"email\":\"ada@example.com\"}");
      default:
        return json(404, "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"The user does not exist.\","
            + "\"errorCode\":\"inexistent_user\"}");
    }
  }

  private static CompletionStage<FetchInterceptor.Response> json(int status, String body) {
    return CompletableFuture.completedFuture(new FetchInterceptor.Response(
        status, Map.of("content-type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8)));
  }

  private Object result(ExecutionRecord r) {
    assertThat(r.results().get(0).error()).as("the action failed").isNull();
    return r.commands().get(0).arg(1);
  }

  @Test
  void managementClientVersion4GetsATokenOnceAndAnswersWithDataAndStatus() {
    engine.bind(String.join("\n",
        "const { ManagementClient } = require('auth0');",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const management = new ManagementClient({ domain: 'tenant.example.com', clientId: 'cid', clientSecret: 'csec' });",
        "  const updated = await management.users.update({ id: event.user.user_id }, { app_metadata: { plan: 'gold' } });",
        "  const roles = await management.users.getRoles({ id: event.user.user_id });",
        "  const found = await management.usersByEmail.getByEmail({ email: event.user.email });",
        "  let error;",
        "  try { await management.users.get({ id: 'missing' }); }",
        "  catch (e) { error = [e.name, e.statusCode, e.message, e.errorCode, e instanceof Error]; }",
        "  api.accessToken.setCustomClaim('result', [updated.status, updated.data.app_metadata.plan, roles.data[0].name,",
        "    found.data[0].user_id, error]);",
        "};"));

    Object result = result(engine.run());

    assertThat(result).isEqualTo(List.of(200L, "gold", "admin", "auth0|123",
        List.of("ManagementApiError", 404L, "The user does not exist.", "inexistent_user", true)));
    FetchInterceptor.Request token = requests.get(0);
    assertThat(token.url()).isEqualTo(TENANT + "/oauth/token");
    assertThat(new String(token.body(), StandardCharsets.UTF_8)).isEqualTo("{\"grant_type\":\"client_credentials\","
        + "\"client_id\":\"cid\",\"client_secret\":\"csec\",\"audience\":\"https://tenant.example.com/api/v2/\"}");
    assertThat(requests).filteredOn(r -> r.url().endsWith("/oauth/token")).hasSize(1);
    assertThat(requests.subList(1, requests.size())).allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer tok-1"));
  }

  @Test
  void anActionDeclaringAuth0Version3GetsVersion3ResultsAndCallbacks() {
    engine.bind(String.join("\n",
        "const ManagementClient = require('auth0').ManagementClient;",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const management = new ManagementClient({ domain: 'tenant.example.com', token: 'static-token' });",
        "  const user = await management.updateAppMetadata({ id: event.user.user_id }, { plan: 'gold' });",
        "  const roles = await new Promise((resolve, reject) =>",
        "    management.getUserRoles({ id: event.user.user_id }, (err, r) => err ? reject(err) : resolve(r)));",
        "  let error;",
        "  try { await management.getUser({ id: 'missing' }); } catch (e) { error = [e.name, e.statusCode, e.message]; }",
        "  api.accessToken.setCustomClaim('result', [user.app_metadata.plan, roles[0].name, error]);",
        "};"), Map.of("auth0", "3.7.2"));

    Object result = result(engine.run());

    assertThat(result).isEqualTo(Arrays.asList("gold", "admin", List.of("Not Found", 404L, "The user does not exist.")));
    assertThat(requests).noneMatch(r -> r.url().endsWith("/oauth/token"));
    assertThat(requests.get(0).header("authorization")).isEqualTo("Bearer static-token");
    assertThat(new String(requests.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"app_metadata\":{\"plan\":\"gold\"}}");
  }

  @Test
  void version3FindsUsersByEmailClientsAndConnectionsAndSendsThePasswordChangeEmail() {
    engine.bind(String.join("\n",
        "const { ManagementClient, AuthenticationClient } = require('auth0');",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const management = new ManagementClient({ domain: 'tenant.example.com', token: 'static-token' });",
        "  const auth = new AuthenticationClient({ domain: 'tenant.example.com', clientId: 'cid' });",
        "  const byEmail = await management.getUsersByEmail(event.user.email);",
        "  const viaManager = await new Promise((resolve, reject) =>",
        "    management.users.getByEmail(event.user.email, (err, users) => err ? reject(err) : resolve(users)));",
        "  const client = await management.getClient({ client_id: event.client.client_id });",
        "  const connections = await management.getConnections({ strategy: 'auth0' });",
        "  const sent = await auth.requestChangePasswordEmail({ email: event.user.email, connection: 'Username-Password-Authentication' });",
        "  const profile = await auth.getProfile('user-token');",
        "  api.accessToken.setCustomClaim('result', [byEmail[0].user_id, viaManager[0].user_id, client.name, connections[0].id,",
        "    sent, profile.sub, typeof management.usersByEmail]);",
        "};"), Map.of("auth0", "^3.7.0"));

    Object result = result(engine.run());

    assertThat(result).isEqualTo(List.of("auth0|123", "auth0|123", "Dashboard", "con_1",
        "We've just sent you an email to reset your password.", "auth0|123", "undefined"));
    FetchInterceptor.Request reset = requests.stream().filter(r -> r.url().endsWith("/dbconnections/change_password")).findFirst().orElseThrow();
    assertThat(new String(reset.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"client_id\":\"cid\",\"email\":\"ada@example.com\",\"connection\":\"Username-Password-Authentication\"}");
  }

  @Test
  void version4OffersManagersOnlyWithDataWrappedResults() {
    engine.bind(String.join("\n",
        "const { ManagementClient, AuthenticationClient, UserInfoClient } = require('auth0');",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const management = new ManagementClient({ domain: 'tenant.example.com', token: 'static-token' });",
        "  const auth = new AuthenticationClient({ domain: 'tenant.example.com', clientId: 'cid' });",
        "  const client = await management.clients.get({ client_id: event.client.client_id });",
        "  const connections = await management.connections.getAll({ strategy: 'auth0' });",
        "  const sent = await auth.database.changePassword({ email: event.user.email, connection: 'Username-Password-Authentication' });",
        "  const info = await new UserInfoClient({ domain: 'tenant.example.com' }).getUserInfo('user-token');",
        "  const version3 = ['getUser', 'getUsers', 'getUsersByEmail', 'updateAppMetadata', 'updateUserMetadata', 'getUserRoles',",
        "    'assignRolestoUser', 'linkUsers', 'getClient', 'getClients', 'getConnections', 'getRoles']",
        "    .filter(m => management[m] !== undefined)",
        "    .concat(['getByEmail', 'updateAppMetadata', 'removeRoles'].filter(m => management.users[m] !== undefined).map(m => 'users.' + m))",
        "    .concat(['getProfile', 'clientCredentialsGrant', 'requestChangePasswordEmail'].filter(m => auth[m] !== undefined).map(m => 'auth.' + m));",
        "  api.accessToken.setCustomClaim('result', [client.status, client.data.name, connections.data[0].id, sent.data,",
        "    info.data.sub, version3]);",
        "};"));

    Object result = result(engine.run());

    assertThat(result).isEqualTo(List.of(200L, "Dashboard", "con_1", "We've just sent you an email to reset your password.",
        "auth0|123", List.of()));
  }

  @Test
  void authenticationClientGrantsTokensAndMissingOptionsFailWithTheirName() {
    engine.bind(String.join("\n",
        "const { AuthenticationClient, ManagementClient } = require('auth0');",
        "exports.onExecutePostLogin = async (event, api) => {",
        "  const auth = new AuthenticationClient({ domain: 'tenant.example.com', clientId: 'cid', clientSecret: 'csec' });",
        "  const grant = await auth.oauth.clientCredentialsGrant({ audience: 'https://api.example.com' });",
        "  const errors = [];",
        "  try { new ManagementClient({ clientId: 'cid', clientSecret: 'csec' }); } catch (e) { errors.push(e.message); }",
        "  try { new ManagementClient({ domain: 'tenant.example.com' }); } catch (e) { errors.push(e.message); }",
        "  api.accessToken.setCustomClaim('result', [grant.data.access_token, errors]);",
        "};"));

    Object result = result(engine.run());

    assertThat(result).isEqualTo(List.of("tok-1", List.of(
        "ManagementClient: the \"domain\" option is required (the tenant host, e.g. \"example.us.auth0.com\")",
        "ManagementClient: give either \"token\" or \"clientId\" and \"clientSecret\"")));
    assertThat(new String(requests.get(0).body(), StandardCharsets.UTF_8)).contains("\"audience\":\"https://api.example.com\"");
  }
}
