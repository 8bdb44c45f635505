package dev.sluice.engine;

import dev.sluice.engine.crypto.PayloadSealer;
import dev.sluice.engine.crypto.Plaintext;
import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** SendMessage and SendMessageBatch: validation, digests, deduplication ids, sealing, one atomic append. */
final class MessageSender {
    static final int MAX_DELAY_SECONDS = 900;
    static final long MAX_BATCH_BYTES = 1_048_576;

    private final QueueStore store;
    private final InstantSource clock;
    private final QueueCatalog catalog;
    private final PayloadSealer sealer;
    private final EngineMetrics metrics;

    /** One validated message ready to append, with the digests for its reply. */
    private record Prepared(NewMessage message, String md5OfBody, String md5OfAttributes, String md5OfSystem) {}

    MessageSender(
            QueueStore store, InstantSource clock, QueueCatalog catalog, PayloadSealer sealer, EngineMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
        this.sealer = sealer;
        this.metrics = metrics;
    }

    /** Completes once the message is durable; validation errors are thrown before anything is stored. */
    CompletableFuture<SendMessageOutput> send(QueueId queue, SendMessageInput input) {
        QueueSettings s = catalog.settings(queue);
        Instant now = clock.instant();
        Prepared p = prepare(s, input, now, false);
        return store.appendAsync(queue, List.of(p.message()), options(s, now)).thenApply(results -> {
            metrics.messagesSent(queue, 1);
            return output(s, p, results.get(0));
        });
    }

    /** Completes once the valid entries are durable; a batch-wide error is thrown before anything is stored. */
    CompletableFuture<BatchResult<SendMessageOutput>> sendBatch(
            QueueId queue, List<BatchEntry<SendMessageInput>> entries) {
        BatchValidator.validate("SendMessageBatchRequestEntry", entries);
        long total = 0;
        for (BatchEntry<SendMessageInput> e : entries) {
            SendMessageInput in = e.value();
            if (in != null && in.messageBody() != null) {
                total += MessageValidator.messageSize(in.messageBody(), in.messageAttributes());
            }
        }
        BatchValidator.checkTotalSize(total, MAX_BATCH_BYTES);
        QueueSettings s = catalog.settings(queue);
        if (s.fifo()) {
            checkFifoBatch(s, entries);
        }
        Instant now = clock.instant();
        List<BatchEntry<Prepared>> prepared = new ArrayList<>();
        List<BatchFailure> failed = new ArrayList<>();
        for (BatchEntry<SendMessageInput> e : entries) {
            try {
                SendMessageInput in = e.value() == null ? SendMessageInput.ofBody(null) : e.value();
                prepared.add(new BatchEntry<>(e.id(), prepare(s, in, now, true)));
            } catch (SqsException ex) {
                failed.add(BatchFailure.of(e.id(), ex));
            }
        }
        if (prepared.isEmpty()) {
            return CompletableFuture.completedFuture(new BatchResult<>(List.of(), List.copyOf(failed)));
        }
        List<NewMessage> messages = new ArrayList<>(prepared.size());
        prepared.forEach(p -> messages.add(p.value().message()));
        return store.appendAsync(queue, messages, options(s, now)).thenApply(results -> {
            List<BatchEntry<SendMessageOutput>> successful = new ArrayList<>(prepared.size());
            for (int i = 0; i < prepared.size(); i++) {
                BatchEntry<Prepared> p = prepared.get(i);
                successful.add(new BatchEntry<>(p.id(), output(s, p.value(), results.get(i))));
            }
            metrics.messagesSent(queue, prepared.size());
            return new BatchResult<>(List.copyOf(successful), List.copyOf(failed));
        });
    }

    /** FIFO problems AWS reports for the whole batch rather than per entry (§2.9). */
    private static void checkFifoBatch(QueueSettings s, List<BatchEntry<SendMessageInput>> entries) {
        for (BatchEntry<SendMessageInput> e : entries) {
            SendMessageInput in = e.value();
            if (in == null || in.messageGroupId() == null) {
                throw new SqsException(
                        ErrorCode.INVALID_PARAMETER_VALUE, "The request must contain the parameter MessageGroupId.");
            }
            if (in.messageDeduplicationId() == null && !s.contentBasedDeduplication()) {
                throw missingDeduplicationId();
            }
        }
    }

    /** The body is encoded to UTF-8 once here; those bytes feed the size check, the digests and the payload. */
    private Prepared prepare(QueueSettings s, SendMessageInput in, Instant now, boolean batchEntry) {
        byte[] body = MessageValidator.utf8Body(in.messageBody());
        Map<String, MessageAttributeValue> attributes = emptyToNull(in.messageAttributes());
        Map<String, MessageAttributeValue> system = emptyToNull(in.messageSystemAttributes());
        MessageValidator.validateAttributes(attributes);
        MessageValidator.validateSystemAttributes(system);
        MessageValidator.checkSize(
                MessageValidator.messageSize(body.length, attributes), s.maximumMessageSize(), batchEntry);
        int delay = delaySeconds(s, in.delaySeconds());
        String groupId = in.messageGroupId();
        if (groupId != null) {
            MessageValidator.validateId(groupId, "MessageGroupId");
        } else if (s.fifo()) {
            throw SqsException.missingParameter("MessageGroupId");
        }
        String deduplicationId = deduplicationId(s, in, body);
        String messageId = newMessageId();
        Plaintext payload = PayloadCodec.encoding(body, attributes, system);
        byte[] sealed = sealer.seal(s.sealed() ? s.record().dataKeyId() : null, messageId, payload);
        NewMessage message =
                new NewMessage(messageId, sealed, now, now.plusSeconds(delay), groupId, deduplicationId, null);
        return new Prepared(
                message, Md5Digests.ofBody(body), Md5Digests.ofAttributes(attributes), Md5Digests.ofAttributes(system));
    }

    private static int delaySeconds(QueueSettings s, Integer requested) {
        if (requested == null) {
            return s.delaySeconds();
        }
        if (s.fifo()) {
            if (requested != 0) {
                throw SqsException.invalidParameterValue(
                        requested,
                        "DelaySeconds",
                        "The request include parameter that is not valid for this queue type.");
            }
            return s.delaySeconds();
        }
        if (requested < 0 || requested > MAX_DELAY_SECONDS) {
            throw SqsException.invalidParameterValue(
                    requested, "DelaySeconds", "DelaySeconds must be >= 0 and <= " + MAX_DELAY_SECONDS + ".");
        }
        return requested;
    }

    private static String deduplicationId(QueueSettings s, SendMessageInput in, byte[] body) {
        String explicit = in.messageDeduplicationId();
        if (explicit != null) {
            MessageValidator.validateId(explicit, "MessageDeduplicationId");
        }
        if (!s.fifo()) {
            if (explicit != null) {
                throw SqsException.invalidParameterValue(
                        explicit,
                        "MessageDeduplicationId",
                        "The request includes a parameter that is not valid for this queue type.");
            }
            return null;
        }
        if (explicit != null) {
            return explicit;
        }
        if (s.contentBasedDeduplication()) {
            return Md5Digests.sha256OfBody(body);
        }
        throw missingDeduplicationId();
    }

    private static SqsException missingDeduplicationId() {
        return new SqsException(
                ErrorCode.INVALID_PARAMETER_VALUE,
                "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided"
                        + " explicitly");
    }

    private static AppendOptions options(QueueSettings s, Instant now) {
        return new AppendOptions(now, AppendOptions.SQS_DEDUPLICATION_WINDOW, s.deduplicationPerMessageGroup());
    }

    private static SendMessageOutput output(QueueSettings s, Prepared p, AppendResult result) {
        return new SendMessageOutput(
                result.messageId(),
                p.md5OfBody(),
                p.md5OfAttributes(),
                p.md5OfSystem(),
                s.fifo() ? SequenceNumbers.format(result.sequence()) : null);
    }

    private static <V> Map<String, V> emptyToNull(Map<String, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    /** A random (version 4) UUID; message ids need uniqueness, not secrecy, so no shared SecureRandom lock. */
    static String newMessageId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
