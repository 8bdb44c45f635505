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
    boolean moved;

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
    }

    void run() {
        queue.promote(now);
        if (queue.fifo()) {
            runFifo();
        } else {
            MessageEntry e;
            while (claimed.size() < request.maxMessages() && (e = queue.pollReady()) != null) {
                take(e);
            }
        }
    }

    private void runFifo() {
        for (MessageGroup group : queue.availableGroups()) {
            if (claimed.size() >= request.maxMessages()) {
                return;
            }
            for (MessageEntry e : new ArrayList<>(group.messages)) {
                if (claimed.size() >= request.maxMessages() || e.state != MessageEntry.READY) {
                    break;
                }
                take(e);
            }
        }
    }

    /** Claims, expires or dead-letters one visible message. */
    private void take(MessageEntry e) {
        if (e.sentAt < retainedSince) {
            queue.remove(e);
            ops.add(new LogOp.Remove(queue.incarnation(), e.sequence));
            return;
        }
        if (deadLetterQueue != null && e.receiveCount + 1 > request.redrive().maxReceiveCount()) {
            long from = e.sequence;
            queue.remove(e);
            e.sequence = deadLetterQueue.nextSequence;
            e.visibleAt = now;
            e.setDeadLetterSourceArn(request.redrive().sourceArn());
            deadLetterQueue.insert(e, now);
            ops.add(new LogOp.Move(
                    queue.incarnation(),
                    from,
                    deadLetterQueue.incarnation(),
                    e.sequence,
                    now,
                    request.redrive().sourceArn()));
            moved = true;
            return;
        }
        int receiveCount = e.receiveCount + 1;
        long firstReceivedAt = e.firstReceivedAt == MessageCommands.NEVER ? now : e.firstReceivedAt;
        queue.markClaimed(e, receiveCount, visibleUntil, firstReceivedAt);
        ops.add(new LogOp.Claim(queue.incarnation(), e.sequence, receiveCount, visibleUntil, firstReceivedAt));
        claimed.add(e);
    }
}
