package io.foothold.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
    assertThat(Statistics.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    assertThat(Statistics.median(List.of(4.0))).isEqualTo(4.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Statistics.median(List.of(10.0, 1.0, 3.0, 4.0))).isEqualTo(3.5);
  }

  @Test
  void p90UsesTheNearestRank() {
    List<Double> oneToTen = List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
    assertThat(Statistics.percentile(oneToTen, 90)).isEqualTo(9.0);
    assertThat(Statistics.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0), 90)).as("ceil(4.5) = 5th of 5").isEqualTo(5.0);
    assertThat(Statistics.percentile(List.of(1.0, 2.0, 3.0, 4.0, 100.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0), 90))
        .as("ceil(9.9) = 10th of 11").isEqualTo(11.0);
    assertThat(Statistics.percentile(List.of(7.0), 90)).isEqualTo(7.0);
    assertThat(Statistics.percentile(List.of(3.0, 1.0, 2.0), 50)).isEqualTo(2.0);
  }

  @Test
  void noValuesGiveNoStatistic() {
    assertThat(Statistics.median(List.of())).isNull();
    assertThat(Statistics.percentile(List.of(), 90)).isNull();
    assertThat(Statistics.mean(List.of())).isNull();
  }

  @Test
  void percentileOutsideOneToHundredIsRefused() {
    assertThatThrownBy(() -> Statistics.percentile(List.of(1.0), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Statistics.percentile(List.of(1.0), 101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundsHalfUpToTheGivenDecimals() {
    assertThat(Statistics.round(2.345, 2)).isEqualTo(2.35);
    assertThat(Statistics.round(1.0 / 3, 3)).isEqualTo(0.333);
    assertThat(Statistics.round(null, 2)).isNull();
  }
}
