package dev.sluice.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentTallyTest {
    @Test
    void sumsBytesPerSegmentWhetherOrNotTheSegmentsComeInRuns() {
        SegmentTally tally = new SegmentTally();
        tally.add(1, 10);
        tally.add(1, 5);
        tally.add(2, 7);
        tally.add(1, 1);
        tally.add(3, 0);

        assertThat(tally.totals()).isEqualTo(Map.of(1L, 16L, 2L, 7L));
        tally.add(2, 3);
        assertThat(tally.totals()).isEqualTo(Map.of(1L, 16L, 2L, 10L));
    }
}
