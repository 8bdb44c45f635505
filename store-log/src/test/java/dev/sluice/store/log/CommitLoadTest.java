package dev.sluice.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitLoadTest {
    @Test
    void forcesServingFewRecordsEachWantPreallocatedFiles() {
        CommitLoad oneEach = CommitLoad.NONE.plus(1).plus(1).plus(1);
        assertThat(oneEach).isEqualTo(new CommitLoad(3, 3));
        assertThat(oneEach.wantsPreallocatedFiles()).isTrue();
        assertThat(new CommitLoad(3 * CommitLoad.FEW_RECORDS_PER_FORCE - 1, 3).wantsPreallocatedFiles())
                .isTrue();
    }

    @Test
    void forcesSharedByManyRecordsOrNoForcesAtAllDoNot() {
        assertThat(new CommitLoad(3 * CommitLoad.FEW_RECORDS_PER_FORCE, 3).wantsPreallocatedFiles())
                .isFalse();
        assertThat(CommitLoad.NONE.plus(1).plus(200).wantsPreallocatedFiles()).isFalse();
        assertThat(new CommitLoad(500, 0).wantsPreallocatedFiles()).isFalse();
        assertThat(CommitLoad.NONE.wantsPreallocatedFiles()).isFalse();
    }
}
