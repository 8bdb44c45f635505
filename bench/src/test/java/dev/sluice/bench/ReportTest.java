package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void medianIgnoresFailedRoundsAndAveragesTheMiddlePair() {
        assertThat(Report.median(new double[] {3, Double.NaN, 1, 2})).isEqualTo(2);
        assertThat(Report.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Report.median(new double[] {Double.NaN})).isNaN();
    }

    @Test
    void tableShowsMediansTheirRatioAndTheVerdict() {
        Scenario scenario = new RawSend(1, java.time.Duration.ZERO, java.time.Duration.ZERO);
        List<Measurement> sluice = List.of(
                new Measurement(Map.of("SendMessage requests/s", 30_000.0), List.of()),
                new Measurement(Map.of("SendMessage requests/s", 20_000.0), List.of()),
                new Measurement(Map.of("SendMessage requests/s", 25_000.0), List.of()));
        List<Measurement> elasticMq = List.of(
                new Measurement(Map.of("SendMessage requests/s", 4_000.0), List.of()),
                new Measurement(Map.of("SendMessage requests/s", 6_000.0), List.of()),
                Measurement.failed("timed out"));

        String markdown = Report.markdown(List.of("test"), List.of(new ScenarioResult(scenario, sluice, elasticMq)));

        assertThat(markdown)
                .contains("| SendMessage requests/s | req/s | 25,000 | 5,000 | 5.00x | ratio >= 5.00 | met |")
                .contains("ElasticMQ, round 3: timed out");
    }

    @Test
    void lowerIsBetterGoalsAreMissedAtTheBound() {
        assertThat(Goal.sluiceBelow(50).verdict(50, Double.NaN)).isEqualTo("MISSED");
        assertThat(Goal.sluiceBelow(50).verdict(49.9, Double.NaN)).isEqualTo("met");
        assertThat(Goal.ratioBelow(1).verdict(10, 0.5)).isEqualTo("met");
    }
}
