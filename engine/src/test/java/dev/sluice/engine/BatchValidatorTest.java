package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchValidatorTest {
    private static List<BatchEntry<String>> entries(String... ids) {
        List<BatchEntry<String>> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new BatchEntry<>(id, "v"));
        }
        return out;
    }

    private static void assertError(List<BatchEntry<String>> entries, ErrorCode code, String message) {
        assertThatThrownBy(() -> BatchValidator.validate("SendMessageBatchRequestEntry", entries))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    /** REFERENCE §2.9 request-level failures. */
    @Test
    void requestLevelFailuresUseAwsCodesAndWording() {
        assertError(
                entries(),
                ErrorCode.EMPTY_BATCH_REQUEST,
                "There should be at least one SendMessageBatchRequestEntry in the request.");
        String[] twenty = new String[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = "id" + i;
        }
        assertError(
                entries(twenty),
                ErrorCode.TOO_MANY_ENTRIES_IN_BATCH_REQUEST,
                "Maximum number of entries per request are 10. You have sent 20.");
        assertError(entries("a", "b", "a"), ErrorCode.BATCH_ENTRY_IDS_NOT_DISTINCT, "Id a repeated.");
        String badId = "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be"
                + " at most 80 letters long.";
        assertError(entries("ok", "no spaces"), ErrorCode.INVALID_BATCH_ENTRY_ID, badId);
        assertError(entries("x".repeat(81)), ErrorCode.INVALID_BATCH_ENTRY_ID, badId);
        assertError(entries(""), ErrorCode.INVALID_BATCH_ENTRY_ID, badId);
        BatchValidator.validate("SendMessageBatchRequestEntry", entries("a-1", "B_2", "x".repeat(80)));
    }

    @Test
    void batchTotalAboveOneMebibyteIsTooLong() {
        BatchValidator.checkTotalSize(1_048_576, 1_048_576);
        assertThatThrownBy(() -> BatchValidator.checkTotalSize(1_048_577, 1_048_576))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BATCH_REQUEST_TOO_LONG))
                .hasMessage("Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.");
    }
}
