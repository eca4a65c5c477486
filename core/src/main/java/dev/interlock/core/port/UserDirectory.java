package dev.interlock.core.port;

import java.util.List;
import java.util.Map;

/**
 * Driven port: the identity provider's directory, for the api methods that read a user's groups
 * and roles ({@code api.groups.*}, {@code api.roles.*} in post-login). Results are JSON values in
 * the shapes Auth0 documents; calls may block (the time counts against the action's deadline).
 * Without one, those methods reject with an error saying no directory is configured.
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
