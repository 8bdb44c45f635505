package dev.sluice.store.log;

import dev.sluice.store.ClaimRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One receive, run under the queue's (and its dead-letter queue's) lock: picks visible messages, removes expired
 * ones, moves those over the redrive limit, and marks the rest in flight, collecting the ops of its record.
 */
final class Claim {
    final List<MessageEntry> claimed = new ArrayList<>();
    final List<LogOp> ops = new ArrayList<>();
    /** Aligned with {@link #ops}: the message whose payload an op carries inline, else null. */
    final List<MessageEntry> payloadEntries = new ArrayList<>();

    boolean moved;
    /** When the claimed messages were received: this claim's {@code now}, or a repeated attempt's original time. */
    long receivedAt;

    private final QueueIndex queue;
    private final QueueIndex deadLetterQueue;
    private final ClaimRequest request;
    private final long now;
    private final long visibleUntil;
    private final long retainedSince;

    Claim(QueueIndex queue, QueueIndex deadLetterQueue, ClaimRequest request) {
        this.queue = queue;
        this.deadLetterQueue = deadLetterQueue;
        this.request = request;
        this.now = request.now().toEpochMilli();
        this.visibleUntil = request.visibleUntil().toEpochMilli();
        this.retainedSince = request.retainedSince().toEpochMilli();
        this.receivedAt = now;
    }

    void run() {
        queue.promote(now);
        String attemptId = request.receiveRequestAttemptId();
        if (queue.fifo() && attemptId != null) {
            ReceiveAttempts.Repeat again = queue.attempts.replay(attemptId, now, retainedSince, queue);
            if (again != null) {
                repeat(again);
            } else {
                runFifo();
                if (!claimed.isEmpty()) {
                    queue.attempts.record(attemptId, now, claimed);
                }
            }
        } else if (queue.fifo()) {
            runFifo();
        } else {
            MessageEntry e;
            while (claimed.size() < request.maxMessages() && (e = queue.pollReady()) != null) {
                take(e);
            }
        }
    }

    /**
     * Takes groups oldest first, and from each the run of visible messages at its front. Claiming leaves a group's
     * messages in place; expired and dead-lettered ones are removed after the run, so the group is never changed
     * while it is walked.
     */
    private void runFifo() {
        long after = Long.MIN_VALUE;
        MessageGroup group;
        while (claimed.size() < request.maxMessages() && (group = queue.nextAvailableGroup(after)) != null) {
            after = group.availableKey;
            List<MessageEntry> leaving = new ArrayList<>();
            for (MessageEntry e : group.messages) {
                if (claimed.size() >= request.maxMessages() || e.state != MessageEntry.READY) {
                    break;
                }
                if (expired(e) || overLimit(e)) {
                    leaving.add(e);
                } else {
                    claimOne(e);
                }
            }
            leaving.forEach(this::take);
        }
    }

    /**
     * A retried attempt: the same deliveries (receive counts and receive time), their visibility deadline renewed.
     * The renewal is no visibility change in the sense of §7.3, so the attempt stays repeatable.
     */
    private void repeat(ReceiveAttempts.Repeat again) {
        for (MessageEntry e : again.entries()) {
            queue.setVisibleAt(e, visibleUntil, now);
            add(new LogOp.Visibility(queue.incarnation(), e.sequence, visibleUntil), null);
            claimed.add(e);
        }
        receivedAt = again.receivedAt();
    }

    private boolean expired(MessageEntry e) {
        return e.sentAt < retainedSince;
    }

    private boolean overLimit(MessageEntry e) {
        return deadLetterQueue != null && e.receiveCount + 1 > request.redrive().maxReceiveCount();
    }

    /** Claims, expires or dead-letters one visible message. */
    private void take(MessageEntry e) {
        if (expired(e)) {
            queue.remove(e);
            add(new LogOp.Remove(queue.incarnation(), e.sequence), null);
            return;
        }
        if (overLimit(e)) {
            moveToDeadLetterQueue(e);
            return;
        }
        claimOne(e);
    }

    private void claimOne(MessageEntry e) {
        int receiveCount = e.receiveCount + 1;
        long firstReceivedAt = e.firstReceivedAt == MessageCommands.NEVER ? now : e.firstReceivedAt;
        queue.markClaimed(e, receiveCount, visibleUntil, firstReceivedAt);
        add(new LogOp.Claim(queue.incarnation(), e.sequence, receiveCount, visibleUntil, firstReceivedAt), null);
        claimed.add(e);
    }

    /**
     * Moves the message under a new sequence; its payload stays where it is on disk, or travels inline in the op if
     * it has not reached the disk yet (then the writer points the entry at the copy in this record).
     */
    private void moveToDeadLetterQueue(MessageEntry e) {
        long from = e.sequence;
        byte[] inline = e.pendingPayload;
        String arn = request.redrive().sourceArn();
        queue.remove(e);
        e.sequence = deadLetterQueue.nextSequence;
        e.visibleAt = now;
        e.setDeadLetterSourceArn(arn);
        deadLetterQueue.insert(e, now);
        LogOp.Move op = new LogOp.Move(
                queue.incarnation(),
                from,
                deadLetterQueue.incarnation(),
                e.sequence,
                e.messageId(),
                e.sentAt,
                now,
                e.receiveCount,
                e.firstReceivedAt,
                e.groupId(),
                e.deduplicationId(),
                arn,
                inline == null ? e.segment() : 0,
                inline == null ? e.offset() : 0,
                e.payloadLength,
                inline,
                0);
        add(op, inline == null ? null : e);
        moved = true;
    }

    private void add(LogOp op, MessageEntry inlinePayloadOf) {
        ops.add(op);
        payloadEntries.add(inlinePayloadOf);
    }
}
