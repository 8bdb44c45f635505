package dev.sluice.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitLoadTest {
    @Test
    void forcesServingFewRecordsEachWantPreallocatedFiles() {
        assertThat(new CommitLoad(3, 3).wantsPreallocatedFiles(true)).isTrue();
        assertThat(new CommitLoad(3 * CommitLoad.FEW_RECORDS_PER_FORCE - 1, 3).wantsPreallocatedFiles(true))
                .isTrue();
    }

    @Test
    void forcesSharedByManyRecordsDoNot() {
        assertThat(new CommitLoad(3 * CommitLoad.FEW_RECORDS_PER_FORCE, 3).wantsPreallocatedFiles(true))
                .isFalse();
        assertThat(new CommitLoad(201, 2).wantsPreallocatedFiles(true)).isFalse();
    }

    @Test
    void withoutForcesOnlyAnUnwrittenSegmentUnderFsyncDoes() {
        assertThat(CommitLoad.NONE.wantsPreallocatedFiles(true))
                .as("nothing known: as before")
                .isTrue();
        assertThat(CommitLoad.NONE.wantsPreallocatedFiles(false)).isFalse();
        assertThat(new CommitLoad(500, 0).wantsPreallocatedFiles(false))
                .as("fsync off")
                .isFalse();
    }
}
