package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchStubTest {

  @Test
  void matchesAUrlWithoutAStarOnlyWhenItIsTheWholeUrl() {
    assertThat(FetchStub.urlMatches("https://api.example.com/users", "https://api.example.com/users")).isTrue();
    assertThat(FetchStub.urlMatches("https://api.example.com/users", "https://api.example.com/users?id=1")).isFalse();
    assertThat(FetchStub.urlMatches("https://api.example.com/users", "https://api.example.com/users/1")).isFalse();
    assertThat(FetchStub.urlMatches("https://api.example.com/users", "http://api.example.com/users")).isFalse();
  }

  @Test
  void letsAStarStandForAnyRunOfCharactersIncludingSlashesAndTheQuery() {
    assertThat(FetchStub.urlMatches("https://api.example.com/users*", "https://api.example.com/users?id=1")).isTrue();
    assertThat(FetchStub.urlMatches("https://api.example.com/users/*", "https://api.example.com/users/1/roles")).isTrue();
    assertThat(FetchStub.urlMatches("https://*.example.com/*/roles", "https://eu.example.com/users/1/roles")).isTrue();
    assertThat(FetchStub.urlMatches("https://*.example.com/*/roles", "https://eu.example.com/users/1/roles/x")).isFalse();
    assertThat(FetchStub.urlMatches("https://api.example.com/a*a", "https://api.example.com/a")).isFalse();
  }

  @Test
  void matchesEveryHttpsUrlWithAnyPathAndQueryForHttpsStar() {
    for (String url : new String[] {"https://api.example.com", "https://api.example.com/", "https://api.example.com/users/1",
        "https://api.example.com/users?id=1&x=a/b", "https://eu.example.com:8443/a#frag", "https://tenant.example.com/api/v2/users/auth0%7C1"}) {
      assertThat(FetchStub.urlMatches("https://*", url)).as(url).isTrue();
    }

    assertThat(FetchStub.urlMatches("https://*", "http://api.example.com/users")).isFalse();
  }

  @Test
  void matchesAnyUrlForAStarAlone() {
    assertThat(FetchStub.urlMatches("*", "https://api.example.com/users?id=1")).isTrue();
    assertThat(FetchStub.urlMatches("*", "http://localhost:8080")).isTrue();
  }

  @Test
  void letsAStarEndingTheHostStandForThePathAndQuery() {
    assertThat(FetchStub.urlMatches("https://api.example.com*", "https://api.example.com/users?id=1")).isTrue();
    assertThat(FetchStub.urlMatches("https://*?id=1", "https://api.example.com/users?id=1")).isTrue();
    assertThat(FetchStub.urlMatches("https://*.example.com", "https://eu.example.com")).isTrue();
    assertThat(FetchStub.urlMatches("https://*.example.com", "https://eu.example.com/users")).isFalse();
  }

  @Test
  void acceptsAStarAloneAsAStubUrlButNoOtherRelativeUrl() {
    List<String> problems = new ArrayList<>();

    List<FetchStub> stubs = FetchStub.parseAll(List.of(Map.of("url", "*", "status", 204L), Map.of("url", "api.example.com/*")),
        "$.fetch", problems);

    assertThat(stubs).extracting(FetchStub::url).containsExactly("*");
    assertThat(problems).singleElement().asString().startsWith("$.fetch[1].url: required, an absolute http:// or https:// URL");
  }

  @Test
  void treatsAUrlWithoutAPathAsEndingInASlash() {
    assertThat(FetchStub.urlMatches("https://api.example.com", "https://api.example.com/")).isTrue();
    assertThat(FetchStub.urlMatches("https://api.example.com/", "https://api.example.com?x=1")).isFalse();
    assertThat(FetchStub.urlMatches("https://api.example.com/?x=1", "https://api.example.com?x=1")).isTrue();
  }
}
