package dev.sluice.engine;

import dev.sluice.engine.crypto.DataKeys;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queue-level actions: create, look up, list, delete, attributes, tags and purge, plus the parsed-settings cache
 * the message actions read on every call.
 */
final class QueueCatalog {
    private final QueueStore store;
    private final InstantSource clock;
    private final EngineConfig config;
    private final DataKeys dataKeys;
    private final LongPolls longPolls;
    private final Map<QueueId, QueueSettings> settings = new ConcurrentHashMap<>();
    private final Map<QueueId, PurgeMark> purges = new ConcurrentHashMap<>();

    private record PurgeMark(long incarnation, Instant at) {}

    QueueCatalog(QueueStore store, InstantSource clock, EngineConfig config, DataKeys dataKeys, LongPolls longPolls) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.dataKeys = dataKeys;
        this.longPolls = longPolls;
    }

    static SqsException queueDoesNotExist() {
        return new SqsException(ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
    }

    String queueArn(QueueId queue) {
        return "arn:aws:sqs:" + config.region() + ":" + queue.account() + ":" + queue.name();
    }

    /** The queue's parsed settings; QueueDoesNotExist when there is no such queue. */
    QueueSettings settings(QueueId queue) {
        return findSettings(queue).orElseThrow(QueueCatalog::queueDoesNotExist);
    }

    /** The queue's parsed settings, or empty when there is no such queue. */
    Optional<QueueSettings> findSettings(QueueId queue) {
        Optional<QueueRecord> found = store.findQueue(queue);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QueueRecord record = found.get();
        QueueSettings cached = settings.get(queue);
        if (cached != null
                && (cached.record() == record
                        || (cached.record().incarnation() == record.incarnation()
                                && cached.record().attributes().equals(record.attributes())))) {
            return Optional.of(cached);
        }
        QueueSettings fresh = QueueSettings.of(record);
        settings.put(queue, fresh);
        return Optional.of(fresh);
    }

    QueueId createQueue(String account, String name, Map<String, String> attributes, Map<String, String> tags) {
        boolean fifo = attributes != null
                && attributes.containsKey(QueueAttributes.FIFO_QUEUE)
                && "true".equalsIgnoreCase(attributes.get(QueueAttributes.FIFO_QUEUE));
        QueueNames.validate(name, fifo);
        Map<String, String> supplied = QueueAttributes.validate(attributes, fifo, true);
        Map<String, String> validTags = QueueTags.validate(tags);
        QueueId id = new QueueId(account, name);
        Optional<QueueRecord> existing = store.findQueue(id);
        if (existing.isPresent()) {
            return matchExisting(existing.get(), supplied);
        }
        checkRedrive(id, fifo, supplied);
        Map<String, String> stored = QueueAttributes.merge(QueueAttributes.defaults(fifo), supplied);
        String keyId = dataKeys.create();
        Instant now = clock.instant();
        QueueRecord proposed = new QueueRecord(id, 0, fifo, stored, validTags, keyId, now, now);
        CreateOutcome outcome = store.createQueue(proposed, now.minus(config.queueRecreateDelay()));
        return switch (outcome) {
            case CreateOutcome.Created created -> id;
            case CreateOutcome.Exists exists -> matchExisting(exists.queue(), supplied);
            case CreateOutcome.DeletedRecently recently ->
                throw new SqsException(
                        ErrorCode.QUEUE_DELETED_RECENTLY,
                        "You must wait " + config.queueRecreateDelay().toSeconds()
                                + " seconds after deleting a queue before you can create another with the same name.");
        };
    }

    /** Idempotent CreateQueue: every supplied attribute must equal the queue's current value (REFERENCE §2.1). */
    private QueueId matchExisting(QueueRecord existing, Map<String, String> supplied) {
        for (Map.Entry<String, String> e : supplied.entrySet()) {
            String current = QueueAttributes.currentValue(existing.attributes(), e.getKey());
            boolean same =
                    e.getValue().isEmpty() ? current == null : e.getValue().equals(current);
            if (!same) {
                throw new SqsException(
                        ErrorCode.QUEUE_NAME_EXISTS,
                        "A queue already exists with the same name and a different value for attribute " + e.getKey());
            }
        }
        return existing.id();
    }

    /** The dead-letter queue of a RedrivePolicy exists, has the same type and allows this source (§8.1). */
    private void checkRedrive(QueueId source, boolean fifo, Map<String, String> change) {
        String value = change.get(QueueAttributes.REDRIVE_POLICY);
        if (value == null || value.isEmpty()) {
            return;
        }
        RedrivePolicy policy = RedrivePolicy.parse(value);
        Optional<QueueRecord> dlq = deadLetterQueue(policy).flatMap(store::findQueue);
        if (dlq.isEmpty()) {
            throw RedrivePolicy.invalid(value, "Dead letter target does not exist.");
        }
        if (dlq.get().fifo() != fifo) {
            throw RedrivePolicy.invalid(value, "Dead-letter queue must be same type of queue as the source.");
        }
        String allow = dlq.get().attributes().get(QueueAttributes.REDRIVE_ALLOW_POLICY);
        if (allow != null
                && !allow.isEmpty()
                && !RedriveAllowPolicy.parse(allow).allows(queueArn(source))) {
            throw RedrivePolicy.invalid(
                    value, "Queue " + policy.deadLetterTargetArn() + " does not allow this queue as a source queue.");
        }
    }

    /** The queue an ARN of this region names, if it is well formed. */
    Optional<QueueId> deadLetterQueue(RedrivePolicy policy) {
        String[] parts = policy.deadLetterTargetArn().split(":", -1);
        if (parts.length != 6
                || !parts[0].equals("arn")
                || !parts[2].equals("sqs")
                || !parts[3].equals(config.region())
                || parts[4].isEmpty()
                || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QueueId(parts[4], parts[5]));
    }

    QueueId getQueueUrl(String account, String name) {
        if (name == null || name.isEmpty()) {
            throw SqsException.missingParameter("QueueName");
        }
        QueueId id = new QueueId(account, name);
        return store.findQueue(id).map(QueueRecord::id).orElseThrow(QueueCatalog::queueDoesNotExist);
    }

    void deleteQueue(QueueId queue) {
        if (!store.deleteQueue(queue, clock.instant())) {
            throw queueDoesNotExist();
        }
        settings.remove(queue);
        purges.remove(queue);
        longPolls.forget(queue);
    }

    Map<String, String> getQueueAttributes(QueueId queue, List<String> names) {
        QueueRecord record = store.findQueue(queue).orElseThrow(QueueCatalog::queueDoesNotExist);
        if (names == null || names.isEmpty()) {
            return Map.of();
        }
        for (String name : names) {
            if (name == null || !QueueAttributes.isKnownName(name)) {
                throw QueueAttributes.unknown(name);
            }
        }
        boolean all = names.contains("All");
        Map<String, String> out = new TreeMap<>();
        Map<String, String> settable = QueueAttributes.visible(record.attributes());
        for (Map.Entry<String, String> e : settable.entrySet()) {
            if (all || names.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        if (all || names.contains("QueueArn")) {
            out.put("QueueArn", queueArn(queue));
        }
        if (all || names.contains("CreatedTimestamp")) {
            out.put("CreatedTimestamp", Long.toString(record.created().getEpochSecond()));
        }
        if (all || names.contains("LastModifiedTimestamp")) {
            out.put("LastModifiedTimestamp", Long.toString(record.lastModified().getEpochSecond()));
        }
        boolean counts = all
                || names.contains("ApproximateNumberOfMessages")
                || names.contains("ApproximateNumberOfMessagesNotVisible")
                || names.contains("ApproximateNumberOfMessagesDelayed");
        if (counts) {
            QueueCounts c = store.counts(queue, clock.instant());
            putIf(out, all, names, "ApproximateNumberOfMessages", c.visible());
            putIf(out, all, names, "ApproximateNumberOfMessagesNotVisible", c.inFlight());
            putIf(out, all, names, "ApproximateNumberOfMessagesDelayed", c.delayed());
        }
        return out;
    }

    private static void putIf(Map<String, String> out, boolean all, List<String> names, String name, long value) {
        if (all || names.contains(name)) {
            out.put(name, Long.toString(value));
        }
    }

    void setQueueAttributes(QueueId queue, Map<String, String> attributes) {
        QueueRecord record = store.findQueue(queue).orElseThrow(QueueCatalog::queueDoesNotExist);
        Map<String, String> change = QueueAttributes.validate(attributes, record.fifo(), false);
        checkRedrive(queue, record.fifo(), change);
        store.updateQueue(queue, r -> r.withAttributes(QueueAttributes.merge(r.attributes(), change), clock.instant()));
    }

    void purgeQueue(QueueId queue) {
        QueueRecord record = store.findQueue(queue).orElseThrow(QueueCatalog::queueDoesNotExist);
        Instant now = clock.instant();
        PurgeMark mark = new PurgeMark(record.incarnation(), now);
        boolean[] rejected = {false};
        purges.compute(queue, (q, previous) -> {
            if (previous != null
                    && previous.incarnation() == record.incarnation()
                    && now.isBefore(previous.at().plus(config.purgeInterval()))) {
                rejected[0] = true;
                return previous;
            }
            return mark;
        });
        if (rejected[0]) {
            throw new SqsException(
                    ErrorCode.PURGE_QUEUE_IN_PROGRESS,
                    "Only one PurgeQueue operation on " + queue.name() + " is allowed every "
                            + config.purgeInterval().toSeconds() + " seconds.");
        }
        try {
            store.purge(queue);
        } catch (RuntimeException e) {
            purges.remove(queue, mark);
            throw e;
        }
    }

    /** Forgets purge marks older than the purge interval (maintenance). */
    void prunePurgeMarks(Instant now) {
        purges.values().removeIf(m -> !now.isBefore(m.at().plus(config.purgeInterval())));
    }

    void tagQueue(QueueId queue, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw SqsException.missingParameter("Tags");
        }
        Map<String, String> valid = QueueTags.validate(tags);
        store.updateQueue(queue, r -> {
            Map<String, String> merged = new TreeMap<>(r.tags());
            merged.putAll(valid);
            return r.withTags(merged);
        });
    }

    void untagQueue(QueueId queue, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw SqsException.missingParameter("TagKeys");
        }
        store.updateQueue(queue, r -> {
            Map<String, String> remaining = new TreeMap<>(r.tags());
            keys.forEach(remaining::remove);
            return r.withTags(remaining);
        });
    }

    Map<String, String> listQueueTags(QueueId queue) {
        QueueRecord record = store.findQueue(queue).orElseThrow(QueueCatalog::queueDoesNotExist);
        return new TreeMap<>(record.tags());
    }
}
