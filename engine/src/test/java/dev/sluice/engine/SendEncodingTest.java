package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body is encoded to UTF-8 once per send: sizes, digests and the stored body must all follow those bytes. */
class SendEncodingTest {
    /** 16 UTF-8 bytes: 1-, 2-, 3- and 4-byte characters (the last a surrogate pair in Java). */
    private static final String MIXED = "h\u00e9llo \u20ac \uD83D\uDE00!";

    private static final String MIXED_MD5 = "65e7e9505463696f58c81dd105e375c5";
    private static final String MIXED_SHA256 = "843365555b55a093849e3a1fa9e17fdbce4c4e8df6ee4f0a96ef7943cc6347ac";
    private static final String TOO_LONG =
            "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.";

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock();
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void multiByteBodyHasTheDigestOfItsUtf8BytesAndRoundTrips() {
        QueueId q = f.create("mixed");
        assertThat(f.send(q, MIXED).md5OfMessageBody()).isEqualTo(MIXED_MD5);

        ReceivedMessage m = f.receive(q, 1).get(0);
        assertThat(m.body()).isEqualTo(MIXED);
        assertThat(m.md5OfBody()).isEqualTo(MIXED_MD5);
    }

    /** MaximumMessageSize counts UTF-8 bytes, not chars, and is inclusive. */
    @Test
    void sizeLimitCountsUtf8Bytes() {
        QueueId q = f.create("small", Map.of("MaximumMessageSize", "1024"));
        String emoji = "\uD83D\uDE00".repeat(256); // 512 chars, 1024 bytes
        String euros = "\u20ac".repeat(341); // 1023 bytes

        f.send(q, emoji);
        f.send(q, euros + "a");
        assertThatThrownBy(() -> f.send(q, emoji + "a")).hasMessage(TOO_LONG);
        assertThatThrownBy(() -> f.send(q, euros + "\u00e9")).hasMessage(TOO_LONG);

        BatchResult<SendMessageOutput> batch = f.engine.sendMessageBatch(
                q,
                List.of(
                        new BatchEntry<>("fits", SendMessageInput.ofBody(emoji)),
                        new BatchEntry<>("over", SendMessageInput.ofBody(euros + "\u00e9"))));
        assertThat(batch.successful()).extracting(BatchEntry::id).containsExactly("fits");
        assertThat(batch.failed()).extracting(BatchFailure::id).containsExactly("over");
    }

    @Test
    void contentBasedDeduplicationIdIsTheSha256OfTheUtf8Body() {
        QueueId q = f.create("mixed.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
        SendMessageInput in = new SendMessageInput(MIXED, null, null, null, null, "g");
        String first = f.engine.sendMessage(q, in).messageId();
        assertThat(f.engine.sendMessage(q, in).messageId()).isEqualTo(first);

        assertThat(f.receive(q, 10))
                .singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("MessageDeduplicationId", MIXED_SHA256));
    }
}
