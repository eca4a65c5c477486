package dev.interlock.core.port;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Driven port: the identity provider's directory, for the api methods that read a user's groups
 * and roles ({@code api.groups.*}, {@code api.roles.*} in post-login). Results are JSON values in
 * the shapes Auth0 documents. Without one, those methods reject with an error saying no directory
 * is configured.
 *
 * <p>The engine calls the {@code ...Async} methods. By default they call the blocking ones on the
 * engine's thread (the time counts against the action's deadline); a directory that answers over
 * the network should override them and return a stage that completes later: the action then waits
 * without holding a thread, as it does for {@code fetch}.
 */
public interface UserDirectory {

  /** {@code {groups: [...], next?}}: a page of the user's groups. */
  Map<String, Object> groups(String userId, Integer take, String from);

  /** {@code {memberships: [...]}}: which of the given group ids or names the user belongs to. */
  Map<String, Object> groupMemberships(String userId, List<String> groups);

  /** {@code {roles: [...], next?}}: the user's roles, direct or through groups, within the organization (or null). */
  Map<String, Object> effectiveRoles(String userId, String organizationId, Integer take, String from);

  /** {@code {roles: [...]}}: which of the given role ids the user effectively has. */
  Map<String, Object> effectiveRolesByIds(String userId, String organizationId, List<String> ids);

  /** {@code {roles: [...]}}: which of the given role names the user effectively has. */
  Map<String, Object> effectiveRolesByNames(String userId, String organizationId, List<String> names);

  default CompletionStage<Map<String, Object>> groupsAsync(String userId, Integer take, String from) {
    return now(() -> groups(userId, take, from));
  }

  default CompletionStage<Map<String, Object>> groupMembershipsAsync(String userId, List<String> groups) {
    return now(() -> groupMemberships(userId, groups));
  }

  default CompletionStage<Map<String, Object>> effectiveRolesAsync(
      String userId, String organizationId, Integer take, String from) {
    return now(() -> effectiveRoles(userId, organizationId, take, from));
  }

  default CompletionStage<Map<String, Object>> effectiveRolesByIdsAsync(
      String userId, String organizationId, List<String> ids) {
    return now(() -> effectiveRolesByIds(userId, organizationId, ids));
  }

  default CompletionStage<Map<String, Object>> effectiveRolesByNamesAsync(
      String userId, String organizationId, List<String> names) {
    return now(() -> effectiveRolesByNames(userId, organizationId, names));
  }

  /** The blocking call's answer, or its exception, as a completed stage. */
  private static CompletionStage<Map<String, Object>> now(java.util.function.Supplier<Map<String, Object>> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** No directory: every method throws {@link UnsupportedOperationException}. */
  UserDirectory NONE =
      new UserDirectory() {
        private UnsupportedOperationException none() {
          return new UnsupportedOperationException(
              "this Interlock engine has no user directory configured (Interlock.builder().userDirectory(...))");
        }

        @Override
        public Map<String, Object> groups(String userId, Integer take, String from) {
          throw none();
        }

        @Override
        public Map<String, Object> groupMemberships(String userId, List<String> groups) {
          throw none();
        }

        @Override
        public Map<String, Object> effectiveRoles(String userId, String organizationId, Integer take, String from) {
          throw none();
        }

        @Override
        public Map<String, Object> effectiveRolesByIds(String userId, String organizationId, List<String> ids) {
          throw none();
        }

        @Override
        public Map<String, Object> effectiveRolesByNames(String userId, String organizationId, List<String> names) {
          throw none();
        }
      };
}
