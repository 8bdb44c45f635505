package dev.sluice.store.log;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the ops of one record body and decodes them back.
 *
 * <p>Body layout: an op count (int), then each op as a type byte followed by its fields, big-endian; strings and
 * byte arrays are length-prefixed (-1 for null). A payload is the last field of its op, so its position in the body
 * is known once written and the index can point at it instead of keeping it.
 */
final class LogOpCodec {
    private static final byte PUT_QUEUE = 1;
    private static final byte DELETE_QUEUE = 2;
    private static final byte PUT_SETTING = 3;
    private static final byte SEND = 4;
    private static final byte CLAIM = 5;
    private static final byte VISIBILITY = 6;
    private static final byte REMOVE = 7;
    private static final byte PURGE = 8;
    private static final byte MOVE = 9;
    private static final byte RELOCATE = 10;

    private LogOpCodec() {}

    /**
     * Appends the ops to {@code out}.
     *
     * @return for each op, the body offset of its payload bytes, or -1 when it has none
     */
    static int[] encode(List<LogOp> ops, RecordEncoder out) {
        int[] payloadOffsets = new int[ops.size()];
        out.putInt(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            payloadOffsets[i] = encodeOp(ops.get(i), out);
        }
        return payloadOffsets;
    }

    private static int encodeOp(LogOp op, RecordEncoder out) {
        switch (op) {
            case LogOp.PutQueue(QueueRecord q) -> {
                out.putByte(PUT_QUEUE).putLong(q.incarnation()).putString(q.id().account());
                out.putString(q.id().name())
                        .putBoolean(q.fifo())
                        .putMap(q.attributes())
                        .putMap(q.tags());
                out.putString(q.dataKeyId()).putLong(q.created().toEpochMilli());
                out.putLong(q.lastModified().toEpochMilli());
            }
            case LogOp.DeleteQueue d ->
                out.putByte(DELETE_QUEUE)
                        .putString(d.id().account())
                        .putString(d.id().name())
                        .putLong(d.incarnation())
                        .putLong(d.deletedAt());
            case LogOp.PutSetting s ->
                out.putByte(PUT_SETTING).putString(s.name()).putBytes(s.value());
            case LogOp.Send s -> {
                out.putByte(SEND).putLong(s.queue()).putLong(s.sequence()).putString(s.messageId());
                out.putLong(s.sentAt()).putLong(s.visibleAt()).putInt(s.receiveCount());
                out.putLong(s.firstReceivedAt()).putString(s.groupId()).putString(s.deduplicationId());
                out.putString(s.deadLetterSourceArn()).putLong(s.dedupAt()).putBoolean(s.dedupPerGroup());
                out.putBytes(s.payload());
                return out.size() - s.payload().length;
            }
            case LogOp.Claim c ->
                out.putByte(CLAIM)
                        .putLong(c.queue())
                        .putLong(c.sequence())
                        .putInt(c.receiveCount())
                        .putLong(c.visibleAt())
                        .putLong(c.firstReceivedAt());
            case LogOp.Visibility v ->
                out.putByte(VISIBILITY).putLong(v.queue()).putLong(v.sequence()).putLong(v.visibleAt());
            case LogOp.Remove r -> out.putByte(REMOVE).putLong(r.queue()).putLong(r.sequence());
            case LogOp.Purge p -> out.putByte(PURGE).putLong(p.queue());
            case LogOp.Move m -> {
                out.putByte(MOVE).putLong(m.queue()).putLong(m.sequence()).putLong(m.toQueue());
                out.putLong(m.toSequence())
                        .putString(m.messageId())
                        .putLong(m.sentAt())
                        .putLong(m.visibleAt());
                out.putInt(m.receiveCount()).putLong(m.firstReceivedAt()).putString(m.groupId());
                out.putString(m.deduplicationId()).putString(m.sourceArn()).putLong(m.segment());
                out.putLong(m.offset()).putInt(m.length()).putBytes(m.payload());
                return m.payload() == null ? -1 : out.size() - m.payload().length;
            }
            case LogOp.Relocate r -> {
                out.putByte(RELOCATE).putLong(r.queue()).putLong(r.sequence()).putBytes(r.payload());
                return out.size() - r.payload().length;
            }
        }
        return -1;
    }

    /** A size the encoding of {@code ops} will rarely exceed, so the buffer is allocated once. */
    static int estimateSize(List<LogOp> ops) {
        int size = 4;
        for (LogOp op : ops) {
            size += 160;
            switch (op) {
                case LogOp.Send s ->
                    size += s.payload().length
                            + stringSize(s.messageId())
                            + stringSize(s.groupId())
                            + stringSize(s.deduplicationId())
                            + stringSize(s.deadLetterSourceArn());
                case LogOp.Relocate r -> size += r.payload().length;
                case LogOp.Move m ->
                    size += (m.payload() == null ? 0 : m.payload().length)
                            + stringSize(m.messageId())
                            + stringSize(m.groupId())
                            + stringSize(m.deduplicationId())
                            + stringSize(m.sourceArn());
                case LogOp.PutQueue p -> size += 1024;
                case LogOp.PutSetting p -> size += p.value().length + stringSize(p.name());
                default -> {}
            }
        }
        return size;
    }

    private static int stringSize(String s) {
        return s == null ? 0 : 3 * s.length();
    }

    /** Decodes a whole body; payloads are not copied (see {@link LogOp.Send}). */
    static List<LogOp> decode(RecordDecoder in) {
        int count = in.getInt();
        if (count < 0 || count > 1_000_000) {
            throw new CorruptRecordException("bad op count " + count);
        }
        List<LogOp> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ops.add(decodeOp(in));
        }
        if (in.hasRemaining()) {
            throw new CorruptRecordException("trailing bytes in record body");
        }
        return ops;
    }

    private static LogOp decodeOp(RecordDecoder in) {
        byte type = in.getByte();
        return switch (type) {
            case PUT_QUEUE -> {
                long incarnation = in.getLong();
                QueueId id = new QueueId(in.getString(), in.getString());
                boolean fifo = in.getBoolean();
                var attributes = in.getMap();
                var tags = in.getMap();
                String dataKeyId = in.getString();
                Instant created = Instant.ofEpochMilli(in.getLong());
                Instant modified = Instant.ofEpochMilli(in.getLong());
                yield new LogOp.PutQueue(
                        new QueueRecord(id, incarnation, fifo, attributes, tags, dataKeyId, created, modified));
            }
            case DELETE_QUEUE ->
                new LogOp.DeleteQueue(new QueueId(in.getString(), in.getString()), in.getLong(), in.getLong());
            case PUT_SETTING -> new LogOp.PutSetting(in.getString(), in.getBytes());
            case SEND -> {
                long queue = in.getLong();
                long sequence = in.getLong();
                String messageId = in.getString();
                long sentAt = in.getLong();
                long visibleAt = in.getLong();
                int receiveCount = in.getInt();
                long firstReceivedAt = in.getLong();
                String groupId = in.getString();
                String dedupId = in.getString();
                String dlqArn = in.getString();
                long dedupAt = in.getLong();
                boolean dedupPerGroup = in.getBoolean();
                int offset = in.skipBytes();
                yield new LogOp.Send(
                        queue,
                        sequence,
                        messageId,
                        sentAt,
                        visibleAt,
                        receiveCount,
                        firstReceivedAt,
                        groupId,
                        dedupId,
                        dlqArn,
                        dedupAt,
                        dedupPerGroup,
                        null,
                        offset,
                        in.lengthAt(offset));
            }
            case CLAIM -> new LogOp.Claim(in.getLong(), in.getLong(), in.getInt(), in.getLong(), in.getLong());
            case VISIBILITY -> new LogOp.Visibility(in.getLong(), in.getLong(), in.getLong());
            case REMOVE -> new LogOp.Remove(in.getLong(), in.getLong());
            case PURGE -> new LogOp.Purge(in.getLong());
            case MOVE -> {
                long queue = in.getLong();
                long sequence = in.getLong();
                long toQueue = in.getLong();
                long toSequence = in.getLong();
                String messageId = in.getString();
                long sentAt = in.getLong();
                long visibleAt = in.getLong();
                int receiveCount = in.getInt();
                long firstReceivedAt = in.getLong();
                String groupId = in.getString();
                String dedupId = in.getString();
                String sourceArn = in.getString();
                long segment = in.getLong();
                long offset = in.getLong();
                int length = in.getInt();
                int payloadOffset = in.skipNullableBytes();
                yield new LogOp.Move(
                        queue,
                        sequence,
                        toQueue,
                        toSequence,
                        messageId,
                        sentAt,
                        visibleAt,
                        receiveCount,
                        firstReceivedAt,
                        groupId,
                        dedupId,
                        sourceArn,
                        segment,
                        offset,
                        payloadOffset < 0 ? length : in.lengthAt(payloadOffset),
                        null,
                        payloadOffset);
            }
            case RELOCATE -> {
                long queue = in.getLong();
                long sequence = in.getLong();
                int offset = in.skipBytes();
                yield new LogOp.Relocate(queue, sequence, null, offset, in.lengthAt(offset));
            }
            default -> throw new CorruptRecordException("unknown op type " + type);
        };
    }
}
