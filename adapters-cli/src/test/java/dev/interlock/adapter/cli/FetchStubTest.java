package dev.interlock.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
  void treatsAUrlWithoutAPathAsEndingInASlash() {
    assertThat(FetchStub.urlMatches("https://api.example.com", "https://api.example.com/")).isTrue();
    assertThat(FetchStub.urlMatches("https://api.example.com/", "https://api.example.com?x=1")).isFalse();
    assertThat(FetchStub.urlMatches("https://api.example.com/?x=1", "https://api.example.com?x=1")).isTrue();
  }
}
