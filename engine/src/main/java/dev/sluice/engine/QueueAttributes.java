package dev.sluice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settable queue attributes of REFERENCE §3: their defaults, the validation of every value with AWS's codes and
 * wording, the FIFO-only rules, and how a validated change merges into a queue's stored attributes. Values are
 * normalised ({@code "030"} becomes {@code "30"}, booleans lower-case, RedrivePolicy compact JSON) so that CreateQueue
 * can compare supplied values with current ones.
 */
public final class QueueAttributes {
    public static final String DELAY_SECONDS = "DelaySeconds";
    public static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
    public static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
    public static final String RECEIVE_MESSAGE_WAIT_TIME_SECONDS = "ReceiveMessageWaitTimeSeconds";
    public static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
    public static final String POLICY = "Policy";
    public static final String REDRIVE_POLICY = "RedrivePolicy";
    public static final String REDRIVE_ALLOW_POLICY = "RedriveAllowPolicy";
    public static final String KMS_MASTER_KEY_ID = "KmsMasterKeyId";
    public static final String KMS_DATA_KEY_REUSE_PERIOD_SECONDS = "KmsDataKeyReusePeriodSeconds";
    public static final String SQS_MANAGED_SSE_ENABLED = "SqsManagedSseEnabled";
    public static final String FIFO_QUEUE = "FifoQueue";
    public static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
    public static final String DEDUPLICATION_SCOPE = "DeduplicationScope";
    public static final String FIFO_THROUGHPUT_LIMIT = "FifoThroughputLimit";

    /** Attributes only the server computes (GetQueueAttributes). */
    public static final Set<String> READ_ONLY = Set.of(
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed",
            "CreatedTimestamp",
            "LastModifiedTimestamp",
            "QueueArn");

    /** Attributes whose empty value removes them (§3). */
    private static final Set<String> REMOVABLE =
            Set.of(POLICY, REDRIVE_POLICY, REDRIVE_ALLOW_POLICY, KMS_MASTER_KEY_ID);

    private static final Set<String> FIFO_ONLY =
            Set.of(FIFO_QUEUE, CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT);
    private static final int MAX_POLICY_BYTES = 8192;
    private static final int DEFAULT_KMS_REUSE_SECONDS = 300;

    private QueueAttributes() {}

    /** The stored attributes of a new queue: every settable attribute that has a default. */
    public static Map<String, String> defaults(boolean fifo) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(DELAY_SECONDS, "0");
        d.put(MAXIMUM_MESSAGE_SIZE, "1048576");
        d.put(MESSAGE_RETENTION_PERIOD, "345600");
        d.put(RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "0");
        d.put(VISIBILITY_TIMEOUT, "30");
        d.put(SQS_MANAGED_SSE_ENABLED, "true");
        if (fifo) {
            d.put(FIFO_QUEUE, "true");
            d.put(CONTENT_BASED_DEDUPLICATION, "false");
            d.put(DEDUPLICATION_SCOPE, "queue");
            d.put(FIFO_THROUGHPUT_LIMIT, "perQueue");
        }
        return d;
    }

    /** True for any name of the QueueAttributeName enum, including {@code All} and the read-only ones. */
    public static boolean isKnownName(String name) {
        return name.equals("All") || READ_ONLY.contains(name) || defaults(true).containsKey(name) || isOptional(name);
    }

    private static boolean isOptional(String name) {
        return REMOVABLE.contains(name) || name.equals(KMS_DATA_KEY_REUSE_PERIOD_SECONDS);
    }

    /**
     * Validates and normalises attributes for CreateQueue or SetQueueAttributes. An empty value of a removable
     * attribute stays empty (meaning "remove"). Checks that need other queues (the dead-letter queue) are left to the
     * caller.
     *
     * @param fifo whether the queue is (or will be) FIFO
     * @param creating true for CreateQueue, false for SetQueueAttributes
     */
    public static Map<String, String> validate(Map<String, String> supplied, boolean fifo, boolean creating) {
        Map<String, String> out = new TreeMap<>();
        if (supplied == null) {
            return out;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(supplied).entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (!fifo && FIFO_ONLY.contains(name)) {
                throw fifoOnly(name);
            }
            out.put(name, normalise(name, value, creating));
        }
        String kms = out.get(KMS_MASTER_KEY_ID);
        if (kms != null && !kms.isEmpty() && "true".equals(out.get(SQS_MANAGED_SSE_ENABLED))) {
            throw new SqsException(
                    ErrorCode.INVALID_ATTRIBUTE_NAME,
                    "You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE"
                            + " or SQS SSE.");
        }
        return out;
    }

    private static String normalise(String name, String value, boolean creating) {
        return switch (name) {
            case DELAY_SECONDS -> integer(name, value, 0, 900);
            case MAXIMUM_MESSAGE_SIZE -> integer(name, value, 1024, 1_048_576);
            case MESSAGE_RETENTION_PERIOD -> integer(name, value, 60, 1_209_600);
            case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> integer(name, value, 0, 20);
            case VISIBILITY_TIMEOUT -> integer(name, value, 0, 43_200);
            case KMS_DATA_KEY_REUSE_PERIOD_SECONDS -> integer(name, value, 60, 86_400);
            case SQS_MANAGED_SSE_ENABLED, CONTENT_BASED_DEDUPLICATION -> bool(name, value);
            case KMS_MASTER_KEY_ID -> value;
            case POLICY -> policy(value);
            case REDRIVE_POLICY ->
                value.isEmpty() ? "" : RedrivePolicy.parse(value).toJson();
            case REDRIVE_ALLOW_POLICY ->
                value.isEmpty() ? "" : RedriveAllowPolicy.parse(value).toJson();
            case FIFO_QUEUE -> fifoQueue(value, creating);
            case DEDUPLICATION_SCOPE -> oneOf(name, value, "queue", "messageGroup");
            case FIFO_THROUGHPUT_LIMIT -> oneOf(name, value, "perQueue", "perMessageGroupId");
            default -> throw unknown(name);
        };
    }

    /**
     * The stored attributes after applying a validated change: empty removable values remove, SSE-SQS and SSE-KMS
     * exclude each other, and the FIFO throughput/deduplication combination is checked on the result.
     */
    public static Map<String, String> merge(Map<String, String> current, Map<String, String> change) {
        Map<String, String> merged = new TreeMap<>(current);
        for (Map.Entry<String, String> e : change.entrySet()) {
            if (REMOVABLE.contains(e.getKey()) && e.getValue().isEmpty()) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        String kms = change.get(KMS_MASTER_KEY_ID);
        if (kms != null && !kms.isEmpty()) {
            merged.put(SQS_MANAGED_SSE_ENABLED, "false");
        } else if ("true".equals(change.get(SQS_MANAGED_SSE_ENABLED))) {
            merged.remove(KMS_MASTER_KEY_ID);
            merged.remove(KMS_DATA_KEY_REUSE_PERIOD_SECONDS);
        }
        if ("perMessageGroupId".equals(merged.get(FIFO_THROUGHPUT_LIMIT))
                && !"messageGroup".equals(merged.get(DEDUPLICATION_SCOPE))) {
            throw new SqsException(
                    ErrorCode.INVALID_ATTRIBUTE_VALUE,
                    "Invalid value for the parameter FifoThroughputLimit. Reason: perMessageGroupId is allowed only"
                            + " when DeduplicationScope is messageGroup.");
        }
        return merged;
    }

    /**
     * The value a settable attribute currently has, as GetQueueAttributes shows it (including derived ones), or
     * {@code null} when it has none.
     */
    public static String currentValue(Map<String, String> stored, String name) {
        if (name.equals(KMS_DATA_KEY_REUSE_PERIOD_SECONDS)) {
            if (!stored.containsKey(KMS_MASTER_KEY_ID)) {
                return null;
            }
            return stored.getOrDefault(name, Integer.toString(DEFAULT_KMS_REUSE_SECONDS));
        }
        return stored.get(name);
    }

    /** The settable attributes GetQueueAttributes with {@code All} shows. */
    public static Map<String, String> visible(Map<String, String> stored) {
        Map<String, String> out = new TreeMap<>(stored);
        String reuse = currentValue(stored, KMS_DATA_KEY_REUSE_PERIOD_SECONDS);
        if (reuse == null) {
            out.remove(KMS_DATA_KEY_REUSE_PERIOD_SECONDS);
        } else {
            out.put(KMS_DATA_KEY_REUSE_PERIOD_SECONDS, reuse);
        }
        return out;
    }

    public static SqsException unknown(String name) {
        return new SqsException(ErrorCode.INVALID_ATTRIBUTE_NAME, "Unknown Attribute " + name + ".");
    }

    private static SqsException fifoOnly(String name) {
        return switch (name) {
            case DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT ->
                new SqsException(
                        ErrorCode.INVALID_ATTRIBUTE_NAME,
                        "You can specify the " + name + " only when FifoQueue is set to true.");
            default -> unknown(name);
        };
    }

    private static String integer(String name, String value, int min, int max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalidValue(name, "Must be an integer value.");
        }
        if (n < min || n > max) {
            throw invalidValue(name, "Must be between " + min + " and " + max + ".");
        }
        return Long.toString(n);
    }

    private static String bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.toLowerCase(Locale.ROOT);
        }
        throw invalidValue(name, "Must be true or false.");
    }

    private static String oneOf(String name, String value, String a, String b) {
        if (value.equals(a) || value.equals(b)) {
            return value;
        }
        throw invalidValue(name, "Must be " + a + " or " + b + ".");
    }

    private static String fifoQueue(String value, boolean creating) {
        if (value.equalsIgnoreCase("true")) {
            return "true";
        }
        throw invalidValue(
                FIFO_QUEUE, creating ? "Must be true for a FIFO queue." : "Modifying queue type is not supported.");
    }

    private static String policy(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (value.length() > MAX_POLICY_BYTES) {
            throw invalidValue(POLICY, "Policy is too long.");
        }
        try {
            JsonNode node = RedrivePolicy.JSON.readTree(value);
            if (node == null || !node.isObject()) {
                throw invalidValue(POLICY, "Policy is not a valid JSON document.");
            }
        } catch (JsonProcessingException e) {
            throw invalidValue(POLICY, "Policy is not a valid JSON document.");
        }
        return value;
    }

    static SqsException invalidValue(String name, String reason) {
        return new SqsException(
                ErrorCode.INVALID_ATTRIBUTE_VALUE, "Invalid value for the parameter " + name + ". Reason: " + reason);
    }
}
