package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptHandlesTest {
    private static final QueueId QUEUE = new QueueId("000000000000", "orders");
    private final ReceiptHandles handles = new ReceiptHandles(secret());

    private static byte[] secret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void handleRoundTripsAndIsShortUrlSafeText() {
        ReceiptHandle h = new ReceiptHandle(7, 123_456_789L, 3, Instant.ofEpochMilli(1_700_000_000_123L));
        String encoded = handles.encode(QUEUE, h);
        assertThat(encoded).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(1024);
        assertThat(handles.decode(QUEUE, encoded)).isEqualTo(h);
    }

    @Test
    void garbageIsReceiptHandleIsInvalidWithAwsWording() {
        assertThatThrownBy(() -> handles.decode(QUEUE, "garbage"))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_HANDLE_IS_INVALID))
                .hasMessage("The input receipt handle \"garbage\" is not a valid receipt handle.");
    }

    @Test
    void handleOfAnotherQueueOrTamperedOrOtherKeyIsInvalid() {
        String encoded = handles.encode(QUEUE, new ReceiptHandle(1, 2, 1, Instant.EPOCH));
        assertThatThrownBy(() -> handles.decode(new QueueId("000000000000", "other"), encoded))
                .isInstanceOf(SqsException.class);
        char[] chars = encoded.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> handles.decode(QUEUE, new String(chars))).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> new ReceiptHandles(secret()).decode(QUEUE, encoded))
                .isInstanceOf(SqsException.class);
    }

    @Test
    void sequenceNumbersAreTwentyDigitsAndOrdered() {
        assertThat(SequenceNumbers.format(1)).hasSize(20).isEqualTo("10000000000000000001");
        assertThat(SequenceNumbers.format(Long.MAX_VALUE)).hasSize(20);
        assertThat(SequenceNumbers.format(99)).isLessThan(SequenceNumbers.format(100));
    }
}
