package dev.sluice.engine;

import dev.sluice.store.QueueRecord;
import java.time.Duration;
import java.util.Map;

/**
 * The typed view of a queue's stored attributes that message operations need, parsed once per queue record.
 *
 * @param redrivePolicy {@code null} when the queue has none
 * @param sealed whether new payloads are encrypted (SSE-SQS, or SSE-KMS which Sluice serves with its own keys)
 */
public record QueueSettings(
        QueueRecord record,
        int delaySeconds,
        int maximumMessageSize,
        Duration retentionPeriod,
        int receiveWaitTimeSeconds,
        int visibilityTimeout,
        RedrivePolicy redrivePolicy,
        boolean contentBasedDeduplication,
        boolean deduplicationPerMessageGroup,
        boolean sealed) {

    public boolean fifo() {
        return record.fifo();
    }

    public static QueueSettings of(QueueRecord record) {
        Map<String, String> a = record.attributes();
        String redrive = a.get(QueueAttributes.REDRIVE_POLICY);
        String kms = a.get(QueueAttributes.KMS_MASTER_KEY_ID);
        return new QueueSettings(
                record,
                intOf(a, QueueAttributes.DELAY_SECONDS, 0),
                intOf(a, QueueAttributes.MAXIMUM_MESSAGE_SIZE, 1_048_576),
                Duration.ofSeconds(intOf(a, QueueAttributes.MESSAGE_RETENTION_PERIOD, 345_600)),
                intOf(a, QueueAttributes.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, 0),
                intOf(a, QueueAttributes.VISIBILITY_TIMEOUT, 30),
                redrive == null || redrive.isEmpty() ? null : RedrivePolicy.parse(redrive),
                "true".equals(a.get(QueueAttributes.CONTENT_BASED_DEDUPLICATION)),
                "messageGroup".equals(a.get(QueueAttributes.DEDUPLICATION_SCOPE)),
                !"false".equals(a.get(QueueAttributes.SQS_MANAGED_SSE_ENABLED)) || (kms != null && !kms.isEmpty()));
    }

    /** The retention period alone, without parsing the rest (maintenance reads it for every queue). */
    public static Duration retentionOf(QueueRecord record) {
        return Duration.ofSeconds(intOf(record.attributes(), QueueAttributes.MESSAGE_RETENTION_PERIOD, 345_600));
    }

    private static int intOf(Map<String, String> a, String name, int fallback) {
        String v = a.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
