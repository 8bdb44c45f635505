package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small receive loops shared by the tests, each bounded in count and time. */
final class Messages {
    private Messages() {}

    /**
     * Receives until {@code expected} distinct messages came back or the deadline passed (short polls of up to 10, each
     * message kept invisible for a minute so it is not counted twice).
     */
    static Map<String, ReceivedMessage> receiveAll(SqsDriver sqs, String url, int expected, Duration deadline) {
        var byId = new LinkedHashMap<String, ReceivedMessage>();
        long end = System.nanoTime() + deadline.toNanos();
        for (int round = 0; round < 10_000 && byId.size() < expected && System.nanoTime() < end; round++) {
            for (var m : sqs.receive(url, ReceiveOptions.upTo(10).visibility(60).wait(1))) {
                byId.putIfAbsent(m.messageId(), m);
            }
        }
        return byId;
    }

    /** Exactly one message, received with a short poll. */
    static ReceivedMessage receiveOne(SqsDriver sqs, String url, ReceiveOptions options) {
        List<ReceivedMessage> got = new ArrayList<>(sqs.receive(url, options.max(1)));
        assertThat(got).as("one message from %s", url).hasSize(1);
        return got.get(0);
    }
}
