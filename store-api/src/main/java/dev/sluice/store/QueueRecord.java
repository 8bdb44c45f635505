package dev.sluice.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A queue's stored definition.
 *
 * <p>{@code attributes} holds the settable SQS attributes exactly as the engine validated them (string values, as on
 * the wire); the store does not interpret them. The few facts the store itself needs are typed fields: {@code fifo}
 * decides group locking and deduplication. {@code incarnation} is assigned by the store on creation and differs
 * between a queue and a later queue of the same name, so receipt handles of a deleted queue never match its successor.
 * {@code dataKeyId} names the engine's data key for this queue's payloads (empty when none).
 */
public record QueueRecord(
        QueueId id,
        long incarnation,
        boolean fifo,
        Map<String, String> attributes,
        Map<String, String> tags,
        String dataKeyId,
        Instant created,
        Instant lastModified) {
    public QueueRecord {
        Objects.requireNonNull(id, "id");
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
        Objects.requireNonNull(dataKeyId, "dataKeyId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    public QueueRecord withAttributes(Map<String, String> newAttributes, Instant modified) {
        return new QueueRecord(id, incarnation, fifo, newAttributes, tags, dataKeyId, created, modified);
    }

    public QueueRecord withTags(Map<String, String> newTags) {
        return new QueueRecord(id, incarnation, fifo, attributes, newTags, dataKeyId, created, lastModified);
    }
}
