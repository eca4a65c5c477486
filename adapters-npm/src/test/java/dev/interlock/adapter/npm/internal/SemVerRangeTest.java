package dev.interlock.adapter.npm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemVerRangeTest {

  private static boolean sat(String range, String version) {
    return SemVerRange.parse(range).satisfiedBy(SemVer.parse(version));
  }

  @Test
  void ordersVersionsAsNodeSemverDoes() {
    List<String> sorted = Stream.of("1.0.0", "1.0.0-rc.1", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-alpha.beta", "1.0.0-alpha.1", "1.0.0-alpha", "0.9.9", "1.10.0", "1.2.0")
        .map(SemVer::parse).sorted().map(SemVer::toString).toList();

    assertThat(sorted).containsExactly("0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0");
  }

  @Test
  void matchesExactAndEqualsVersions() {
    assertThat(sat("1.2.3", "1.2.3")).isTrue();
    assertThat(sat("=1.2.3", "1.2.3")).isTrue();
    assertThat(sat("v1.2.3", "1.2.3")).isTrue();
    assertThat(sat("1.2.3", "1.2.4")).isFalse();
  }

  @Test
  void caretAllowsChangesThatDoNotModifyTheLeftMostNonZeroPart() {
    assertThat(sat("^1.2.3", "1.9.9")).isTrue();
    assertThat(sat("^1.2.3", "2.0.0")).isFalse();
    assertThat(sat("^1.2.3", "1.2.2")).isFalse();
    assertThat(sat("^0.2.3", "0.2.9")).isTrue();
    assertThat(sat("^0.2.3", "0.3.0")).isFalse();
    assertThat(sat("^0.0.3", "0.0.3")).isTrue();
    assertThat(sat("^0.0.3", "0.0.4")).isFalse();
    assertThat(sat("^0.0", "0.0.9")).isTrue();
    assertThat(sat("^0.0", "0.1.0")).isFalse();
    assertThat(sat("^1.x", "1.5.0")).isTrue();
    assertThat(sat("^0", "0.9.0")).isTrue();
    assertThat(sat("^0", "1.0.0")).isFalse();
  }

  @Test
  void tildeAllowsPatchChanges() {
    assertThat(sat("~1.2.3", "1.2.9")).isTrue();
    assertThat(sat("~1.2.3", "1.3.0")).isFalse();
    assertThat(sat("~1.2", "1.2.0")).isTrue();
    assertThat(sat("~1", "1.9.0")).isTrue();
    assertThat(sat("~1", "2.0.0")).isFalse();
    assertThat(sat("~> 1.2.3", "1.2.5")).isTrue();
  }

  @Test
  void xRangesAndStarMatchAnyReleaseInTheirSpan() {
    assertThat(sat("*", "3.4.5")).isTrue();
    assertThat(sat("", "0.0.1")).isTrue();
    assertThat(sat("1.x", "1.99.0")).isTrue();
    assertThat(sat("1.x", "2.0.0")).isFalse();
    assertThat(sat("1.2.*", "1.2.7")).isTrue();
    assertThat(sat("1.2.X", "1.3.0")).isFalse();
    assertThat(sat("1", "1.4.0")).isTrue();
    assertThat(sat("1.2", "1.3.0")).isFalse();
  }

  @Test
  void comparatorsCombineIntoSetsAndSetsIntoAlternatives() {
    assertThat(sat(">=1.2.7 <1.3.0", "1.2.8")).isTrue();
    assertThat(sat(">=1.2.7 <1.3.0", "1.3.0")).isFalse();
    assertThat(sat(">= 1.2.7", "1.2.7")).isTrue();
    assertThat(sat(">1.2.7", "1.2.7")).isFalse();
    assertThat(sat(">1.2", "1.2.9")).isFalse();
    assertThat(sat(">1.2", "1.3.0")).isTrue();
    assertThat(sat("<=1.2", "1.2.9")).isTrue();
    assertThat(sat("<=1.2", "1.3.0")).isFalse();
    assertThat(sat("<1.2", "1.1.9")).isTrue();
    assertThat(sat("<1.2", "1.2.0")).isFalse();
    assertThat(sat("1.2.7 || >=1.2.9 <2.0.0", "1.2.8")).isFalse();
    assertThat(sat("1.2.7 || >=1.2.9 <2.0.0", "1.4.6")).isTrue();
    assertThat(sat("^1.0.0 || ^2.0.0", "2.1.0")).isTrue();
  }

  @Test
  void hyphenRangesIncludeBothEndsAndFillPartialUpperEnds() {
    assertThat(sat("1.2.3 - 2.3.4", "2.3.4")).isTrue();
    assertThat(sat("1.2.3 - 2.3.4", "2.3.5")).isFalse();
    assertThat(sat("1.2 - 2.3.4", "1.2.0")).isTrue();
    assertThat(sat("1.2.3 - 2.3", "2.3.9")).isTrue();
    assertThat(sat("1.2.3 - 2.3", "2.4.0")).isFalse();
    assertThat(sat("1.2.3 - 2", "2.9.9")).isTrue();
  }

  @Test
  void prereleasesMatchOnlyWhenTheRangeNamesOneOnTheSameTuple() {
    assertThat(sat(">1.2.3-alpha.3", "1.2.3-alpha.7")).isTrue();
    assertThat(sat(">1.2.3-alpha.3", "3.4.5-alpha.9")).isFalse();
    assertThat(sat(">1.2.3-alpha.3", "3.4.5")).isTrue();
    assertThat(sat("^1.2.3-beta.2", "1.2.3-beta.4")).isTrue();
    assertThat(sat("^1.2.3-beta.2", "1.2.4-beta.1")).isFalse();
    assertThat(sat("*", "1.0.0-rc.1")).isFalse();
    assertThat(sat("^1.0.0", "2.0.0-0")).isFalse();
  }

  @Test
  void picksTheHighestSatisfyingVersion() {
    List<SemVer> versions = Stream.of("1.0.0", "1.5.2", "1.10.1", "2.0.0", "2.1.0-beta.1").map(SemVer::parse).toList();

    assertThat(SemVerRange.parse("^1.0.0").maxSatisfying(versions)).hasToString("1.10.1");
    assertThat(SemVerRange.parse("~1.5.0").maxSatisfying(versions)).hasToString("1.5.2");
    assertThat(SemVerRange.parse(">=2").maxSatisfying(versions)).hasToString("2.0.0");
    assertThat(SemVerRange.parse("^3").maxSatisfying(versions)).isNull();
  }

  @Test
  void refusesTextThatIsNoRange() {
    assertThatThrownBy(() -> SemVerRange.parse("not a range")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a range");
    assertThat(SemVer.parse("1.2")).isNull();
  }
}
