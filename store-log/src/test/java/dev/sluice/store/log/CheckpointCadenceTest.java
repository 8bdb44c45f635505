package dev.sluice.store.log;

import static dev.sluice.store.log.CheckpointCadence.SIZE_FACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule for when a checkpoint is due ({@link CheckpointCadence}). */
class CheckpointCadenceTest {
    private static final long INTERVAL = 1000;

    @Test
    void aSmallStoreIsCheckpointedAfterTheInterval() {
        CheckpointCadence cadence = new CheckpointCadence(INTERVAL, 0);
        cadence.logged(INTERVAL - 1);
        assertThat(cadence.worthAsking()).isFalse();

        cadence.logged(1);

        assertThat(cadence.worthAsking()).isTrue();
        assertThat(cadence.due(10)).isTrue();
    }

    @Test
    void aLargeCheckpointIsNotRewrittenUntilSizeFactorTimesItsSizeIsLogged() {
        CheckpointCadence cadence = new CheckpointCadence(INTERVAL, 0);
        cadence.logged(INTERVAL);
        long size = 100_000;
        cadence.taken(INTERVAL, size, 1000);

        cadence.logged(SIZE_FACTOR * size - 1);
        assertThat(cadence.due(1000)).isFalse();
        cadence.logged(1);
        assertThat(cadence.due(1000)).isTrue();
    }

    @Test
    void theExpectedSizeFollowsTheBacklogSoADrainedStoreIsCheckpointedSoon() {
        CheckpointCadence cadence = new CheckpointCadence(INTERVAL, 0);
        cadence.taken(0, 100_000, 1000);

        assertThat(cadence.threshold(2000)).isEqualTo(SIZE_FACTOR * 200_000L);
        assertThat(cadence.threshold(500)).isEqualTo(SIZE_FACTOR * 50_000L);
        // drained: the large last checkpoint no longer holds the next one back, so dead segments go soon
        assertThat(cadence.threshold(0)).isEqualTo(INTERVAL);
        cadence.logged(INTERVAL);
        assertThat(cadence.due(0)).isTrue();
    }

    @Test
    void aDeclinedCheckpointIsNotAskedForAgainUntilMoreIsLogged() {
        CheckpointCadence cadence = new CheckpointCadence(INTERVAL, 0);
        cadence.taken(0, 100_000, 1000);
        cadence.logged(INTERVAL);
        assertThat(cadence.worthAsking()).isTrue();

        assertThat(cadence.due(1000)).isFalse();

        assertThat(cadence.worthAsking()).isFalse();
        cadence.logged(1);
        assertThat(cadence.worthAsking()).isTrue();
    }

    @Test
    void logReplayedAtOpenCountsTowardsTheNextCheckpoint() {
        CheckpointCadence cadence = new CheckpointCadence(INTERVAL, INTERVAL);

        assertThat(cadence.worthAsking()).isTrue();
        assertThat(cadence.due(1_000_000)).isTrue();
    }

    @Test
    void logWrittenWhileACheckpointWasTakenStillCounts() {
        CheckpointCadence cadence = new CheckpointCadence(INTERVAL, 0);
        cadence.logged(3 * INTERVAL);
        long counted = cadence.logged();
        cadence.logged(INTERVAL); // a segment finished while the checkpoint was written

        cadence.taken(counted, 10, 1);

        assertThat(cadence.logged()).isEqualTo(INTERVAL);
        assertThat(cadence.due(1)).isTrue();
    }
}
