package dev.sluice.engine;

import dev.sluice.engine.crypto.PayloadSealer;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueStore;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReceiveMessage: parameter rules, the in-flight limit, claiming (with redrive), long polling through {@link
 * LongPolls}, and turning stored messages into replies (receipt handles, system attributes, attribute filtering).
 */
final class MessageReceiver {
    private static final Logger log = LoggerFactory.getLogger(MessageReceiver.class);
    static final int MAX_VISIBILITY_TIMEOUT = 43_200;
    private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Set<String> SYSTEM_ATTRIBUTES = Set.of(
            "SenderId",
            "SentTimestamp",
            "ApproximateReceiveCount",
            "ApproximateFirstReceiveTimestamp",
            "SequenceNumber",
            "MessageDeduplicationId",
            "MessageGroupId",
            "AWSTraceHeader",
            "DeadLetterQueueSourceArn");

    private final QueueStore store;
    private final InstantSource clock;
    private final EngineConfig config;
    private final QueueCatalog catalog;
    private final PayloadSealer sealer;
    private final ReceiptHandles handles;
    private final LongPolls longPolls;
    private final EngineMetrics metrics;

    MessageReceiver(
            QueueStore store,
            InstantSource clock,
            EngineConfig config,
            QueueCatalog catalog,
            PayloadSealer sealer,
            ReceiptHandles handles,
            LongPolls longPolls,
            EngineMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        this.sealer = sealer;
        this.handles = handles;
        this.longPolls = longPolls;
        this.metrics = metrics;
    }

    List<ReceivedMessage> receive(QueueId queue, ReceiveMessageInput in) {
        int max = in.maxNumberOfMessages() == null ? 1 : in.maxNumberOfMessages();
        if (max < 1 || max > 10) {
            throw SqsException.invalidParameterValue(
                    max, "MaxNumberOfMessages", "Must be between 1 and 10, if provided.");
        }
        if (in.waitTimeSeconds() != null && (in.waitTimeSeconds() < 0 || in.waitTimeSeconds() > 20)) {
            throw SqsException.invalidParameterValue(
                    in.waitTimeSeconds(), "WaitTimeSeconds", "Must be >= 0 and <= 20, if provided.");
        }
        if (in.visibilityTimeout() != null
                && (in.visibilityTimeout() < 0 || in.visibilityTimeout() > MAX_VISIBILITY_TIMEOUT)) {
            throw SqsException.invalidParameterValue(
                    in.visibilityTimeout(), "VisibilityTimeout", "Must be >= 0 and <= 43200, if provided.");
        }
        QueueSettings s = catalog.settings(queue);
        String attemptId = s.fifo() ? in.receiveRequestAttemptId() : null;
        if (attemptId != null) {
            MessageValidator.validateId(attemptId, "ReceiveRequestAttemptId");
        }
        int visibility = in.visibilityTimeout() == null ? s.visibilityTimeout() : in.visibilityTimeout();
        int wait = in.waitTimeSeconds() == null ? s.receiveWaitTimeSeconds() : in.waitTimeSeconds();
        Redrive redrive = redrive(queue, s);

        // The wait is real time (the caller's connection), so it is bounded by nanoTime; message times come from
        // the injected clock.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
        boolean waited = false;
        while (true) {
            long generation = wait > 0 ? longPolls.generation(queue) : 0;
            Instant now = clock.instant();
            List<StoredMessage> claimed;
            try {
                claimed = claim(queue, s, max, visibility, wait, redrive, attemptId, now);
            } catch (QueueNotFoundException e) {
                if (waited) {
                    return List.of();
                }
                throw e;
            }
            if (!claimed.isEmpty()) {
                if (waited && claimed.size() == max) {
                    longPolls.wakeOne(queue);
                }
                longPolls.expectVisibleAt(queue, now.plusSeconds(visibility));
                metrics.messagesReceived(queue, claimed.size());
                return toReplies(queue, s, claimed, now, in);
            }
            long remaining = deadline - System.nanoTime();
            if (wait == 0 || remaining <= 0 || longPolls.isClosed()) {
                metrics.emptyReceive(queue);
                return List.of();
            }
            long park = remaining;
            Optional<Instant> next = store.nextVisibleAt(queue, now);
            if (next.isPresent()) {
                long untilVisible =
                        Duration.between(clock.instant(), next.get()).toNanos();
                park = Math.min(park, Math.max(untilVisible, MIN_PARK_NANOS));
            }
            longPolls.await(queue, generation, park);
            waited = true;
            // The queue may have changed (or been deleted and re-created) while this receiver waited.
            Optional<QueueSettings> current = catalog.findSettings(queue);
            if (current.isEmpty()
                    || current.get().record().incarnation() != s.record().incarnation()) {
                return List.of();
            }
            if (current.get() != s) {
                s = current.get();
                redrive = redrive(queue, s);
            }
        }
    }

    private List<StoredMessage> claim(
            QueueId queue,
            QueueSettings s,
            int max,
            int visibility,
            int wait,
            Redrive redrive,
            String attemptId,
            Instant now) {
        if (config.maxInFlightPerQueue() > 0 && store.counts(queue, now).inFlight() >= config.maxInFlightPerQueue()) {
            // Standard queues answer OverLimit on a short poll; FIFO queues get nothing, and a long poll waits (it
            // wakes
            // when an in-flight message becomes visible) and may end empty.
            if (wait == 0 && !s.fifo()) {
                throw new SqsException(
                        ErrorCode.OVER_LIMIT,
                        "The maximum number of in flight messages (" + config.maxInFlightPerQueue()
                                + ") has been reached for this queue.");
            }
            return List.of();
        }
        ClaimRequest request = new ClaimRequest(
                max, now, now.plusSeconds(visibility), now.minus(s.retentionPeriod()), redrive, attemptId);
        return store.claim(queue, request);
    }

    private Redrive redrive(QueueId queue, QueueSettings s) {
        RedrivePolicy policy = s.redrivePolicy();
        if (policy == null) {
            return null;
        }
        // A policy whose dead-letter queue is gone is kept, but messages then stay in the source (§8.2).
        return catalog.deadLetterQueue(policy)
                .filter(dlq -> store.findQueue(dlq).isPresent())
                .map(dlq -> new Redrive(dlq, policy.maxReceiveCount(), catalog.queueArn(queue)))
                .orElse(null);
    }

    private List<ReceivedMessage> toReplies(
            QueueId queue, QueueSettings s, List<StoredMessage> claimed, Instant now, ReceiveMessageInput in) {
        List<String> systemNames = in.attributeNames() == null ? List.of() : in.attributeNames();
        boolean allSystem = systemNames.contains("All");
        List<String> userNames = in.messageAttributeNames() == null ? List.of() : in.messageAttributeNames();
        List<ReceivedMessage> out = new ArrayList<>(claimed.size());
        for (StoredMessage m : claimed) {
            byte[] plain;
            MessagePayload payload;
            try {
                plain = sealer.open(m.messageId(), m.payload());
                payload = PayloadCodec.decode(plain);
            } catch (RuntimeException e) {
                // A payload that does not open (damaged, or its data key lost) must not block the queue's other
                // messages; it stays in flight and comes back after its visibility timeout.
                log.error("message {} of {} cannot be opened: {}", m.messageId(), queue, e.toString());
                continue;
            }
            // The store's receive time, not now: a FIFO retry by ReceiveRequestAttemptId repeats an earlier
            // receive, and must hand out byte-identical receipt handles (REFERENCE §7.3).
            String handle = handles.encode(
                    queue, new ReceiptHandle(s.record().incarnation(), m.sequence(), m.receiveCount(), m.receivedAt()));
            Map<String, String> attributes = new TreeMap<>();
            for (String name : SYSTEM_ATTRIBUTES) {
                if (allSystem || systemNames.contains(name)) {
                    String value = systemAttribute(queue, s, m, payload, name, now);
                    if (value != null) {
                        attributes.put(name, value);
                    }
                }
            }
            Map<String, MessageAttributeValue> selected = select(payload.messageAttributes(), userNames);
            out.add(new ReceivedMessage(
                    m.messageId(),
                    handle,
                    Md5Digests.ofBody(PayloadCodec.body(plain)), // the stored UTF-8 bytes, not re-encoded
                    payload.body(),
                    attributes,
                    Md5Digests.ofAttributes(selected),
                    selected));
        }
        return out;
    }

    private static String systemAttribute(
            QueueId queue, QueueSettings s, StoredMessage m, MessagePayload payload, String name, Instant now) {
        return switch (name) {
            case "SenderId" -> queue.account();
            case "SentTimestamp" -> Long.toString(m.sentAt().toEpochMilli());
            case "ApproximateReceiveCount" -> Integer.toString(m.receiveCount());
            case "ApproximateFirstReceiveTimestamp" ->
                Long.toString((m.firstReceivedAt() == null ? now : m.firstReceivedAt()).toEpochMilli());
            case "AWSTraceHeader" -> {
                MessageAttributeValue v = payload.systemAttributes().get("AWSTraceHeader");
                yield v == null ? null : v.stringValue();
            }
            case "DeadLetterQueueSourceArn" -> m.deadLetterSourceArn();
            case "SequenceNumber" -> s.fifo() ? SequenceNumbers.format(m.sequence()) : null;
            case "MessageDeduplicationId" -> s.fifo() ? m.deduplicationId() : null;
            case "MessageGroupId" -> m.groupId();
            default -> null;
        };
    }

    /** The user attributes a MessageAttributeNames list selects: All, {@code .*}, {@code *}, prefix.*, exact names. */
    static Map<String, MessageAttributeValue> select(
            Map<String, MessageAttributeValue> attributes, List<String> names) {
        if (attributes.isEmpty() || names.isEmpty()) {
            return Map.of();
        }
        Map<String, MessageAttributeValue> out = new TreeMap<>();
        for (String filter : names) {
            if (filter == null) {
                continue;
            }
            if (filter.equals("All") || filter.equals(".*") || filter.equals("*")) {
                return new TreeMap<>(attributes);
            }
            if (filter.endsWith(".*")) {
                // "Hel.*" selects Hello and Help.Me: the prefix is everything before ".*" (AWS-recorded, §5.2).
                String prefix = filter.substring(0, filter.length() - 2);
                attributes.forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        out.put(k, v);
                    }
                });
            } else if (attributes.containsKey(filter)) {
                out.put(filter, attributes.get(filter));
            }
        }
        return out;
    }
}
