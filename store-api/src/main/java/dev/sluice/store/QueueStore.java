package dev.sluice.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The storage contract: atomic SQS state changes of queues and messages.
 *
 * <p>Decisions live in the engine, which passes explicit instants, deadlines and limits; atomicity lives in the
 * store. Every method is atomic within its backend (several Sluice nodes may share one backend), and every method
 * that changes state returns only once the change is durable to the degree the backend promises: for the log store,
 * appends, deletes, purges and queue changes are forced to disk before returning; claims and visibility changes reach
 * the file before returning and are forced with the next group.
 *
 * <p>Every method may throw {@link StoreException} when the backend fails (the change then did not happen, or did
 * not become durable, and the caller must not acknowledge it). Message methods throw {@link QueueNotFoundException}
 * when the queue does not exist.
 *
 * <p>Conventions every backend keeps: instants are kept with (at least) millisecond precision, and decisions that
 * compare them are exact to the millisecond; message sequences are positive, so {@code peek(queue, 0, n)} reads from the beginning; the store keeps its
 * own copy of every payload array it is given; an exception thrown by an {@link #updateQueue} change function reaches
 * the caller unchanged; {@link #putSetting} with a conflicting value throws {@link StoreException}.
 *
 * <p>Deleting a queue deletes its messages. Dead-letter moves and FIFO group locking happen inside {@link #claim};
 * deduplication inside {@link #append}. The behaviour of every method is pinned down by the test kit
 * ({@code store-tck}), which every backend passes.
 */
public interface QueueStore extends AutoCloseable {

    // ---- queues ----

    /**
     * Creates {@code proposed} unless a queue of that id exists ({@link CreateOutcome.Exists}) or was deleted after
     * {@code recreateAfter} ({@link CreateOutcome.DeletedRecently}). The store assigns the incarnation; the one in
     * {@code proposed} is ignored.
     */
    CreateOutcome createQueue(QueueRecord proposed, Instant recreateAfter);

    Optional<QueueRecord> findQueue(QueueId id);

    /** The account's queues whose names start with {@code namePrefix} (may be empty), sorted by name. */
    List<QueueRecord> listQueues(String account, String namePrefix);

    /** Every queue of every account (for sweepers and the console), sorted by account then name. */
    List<QueueRecord> allQueues();

    /**
     * Replaces the queue's record by {@code change.apply(current)}, atomically with respect to other updates of the
     * same queue. The change may alter attributes, tags and lastModified only; id, incarnation, fifo, dataKeyId and
     * created are kept from the current record whatever it returns. The function may throw; nothing is changed then.
     *
     * @return the record now stored
     * @throws QueueNotFoundException if the queue does not exist
     */
    QueueRecord updateQueue(QueueId id, UnaryOperator<QueueRecord> change);

    /**
     * Deletes the queue and all its messages, remembering {@code now} as its deletion time for {@link
     * #createQueue}'s {@code recreateAfter} check.
     *
     * @return false if there was no such queue
     */
    boolean deleteQueue(QueueId id, Instant now);

    // ---- messages ----

    /**
     * Stores the messages, in order, as one atomic, durable step. On FIFO queues, messages with a deduplication id
     * seen within the window of {@code options} are not stored again (see {@link AppendOptions}).
     *
     * @return one result per message, in request order
     */
    List<AppendResult> append(QueueId queue, List<NewMessage> messages, AppendOptions options);

    /**
     * {@link #append} without waiting on the caller's thread: the decisions (deduplication, sequences) are made
     * before this method returns, and the future completes with the same results once the messages are as durable as
     * {@code append} makes them before returning. A failure ({@link StoreException}, {@link QueueNotFoundException})
     * completes the future exceptionally; the messages were then not acknowledged. The future may complete on a
     * thread of the store (its writer), so what the caller chains to it must be short and must not block. This default
     * calls {@code append} and answers with a completed future; a backend with group commit should complete the
     * future from its commit instead of parking the caller.
     */
    default CompletableFuture<List<AppendResult>> appendAsync(
            QueueId queue, List<NewMessage> messages, AppendOptions options) {
        try {
            return CompletableFuture.completedFuture(append(queue, messages, options));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * True when sends and deletes never wait for I/O in this store: {@link #findQueue}, {@link #getSetting}, {@link
     * #appendAsync} and {@link #deleteAllAsync} answer from memory, waiting at most briefly for a lock another caller
     * holds for in-memory work or a page-cache read. The engine's callers may then run them on a thread that must not
     * block (an HTTP event loop) and save the hand-off to a request thread. False by default: a store that asks a
     * database must say no.
     */
    default boolean asyncWritesWithoutWaiting() {
        return false;
    }

    /**
     * Receives up to {@code request.maxMessages()} visible messages: sets each one's visibility deadline to {@code
     * request.visibleUntil()}, increments its receive count and sets its first-receive time if unset, all in one
     * atomic step. Standard queues deliver in roughly send order. FIFO queues deliver, per message group, only the
     * prefix of the group's messages before its first in-flight message, in sequence order; one claim may return
     * several messages of a group and several groups. Expired messages (sent before {@code retainedSince}) are removed
     * instead; messages over the redrive limit are moved (see {@link Redrive}). On FIFO queues a request with a
     * {@code receiveRequestAttemptId} may repeat an earlier claim instead (see {@link ClaimRequest}). Each returned
     * message carries the time of its receive ({@link StoredMessage#receivedAt()}).
     */
    List<StoredMessage> claim(QueueId queue, ClaimRequest request);

    /**
     * Sets the visibility deadline of the message {@code ref} points at. With {@code requireCurrent}, only if
     * {@code ref} is the message's current in-flight delivery (same receive count, deadline after {@code now});
     * without it, whenever the message exists.
     */
    VisibilityOutcome changeVisibility(
            QueueId queue, MessageRef ref, Instant visibleAt, Instant now, boolean requireCurrent);

    /**
     * Removes the message {@code ref} points at. With {@code requireCurrent}, only if {@code ref} is the message's
     * current in-flight delivery; without it, whichever delivery the ref came from.
     */
    DeleteOutcome delete(QueueId queue, MessageRef ref, Instant now, boolean requireCurrent);

    /**
     * Applies {@link #changeVisibility} to every entry, in list order, with the same {@code now} and {@code
     * requireCurrent}: the outcomes (one per entry, in order) and the state afterwards are those of the single calls
     * made one after another, so an entry that names the same delivery as an earlier one sees that entry's change.
     * Each entry is atomic on its own, not the batch as a whole; every change is durable as a single visibility
     * change is before the call returns. A backend should make the batch one write (one lock hold, one record, one
     * round trip); this default makes the single calls.
     *
     * @return one outcome per entry, in list order
     */
    default List<VisibilityOutcome> changeVisibilityAll(
            QueueId queue, List<NewVisibility> changes, Instant now, boolean requireCurrent) {
        List<VisibilityOutcome> outcomes = new ArrayList<>(changes.size());
        for (NewVisibility change : changes) {
            outcomes.add(changeVisibility(queue, change.ref(), change.visibleAt(), now, requireCurrent));
        }
        return outcomes;
    }

    /**
     * Applies {@link #delete} to every ref, in list order, with the same {@code now} and {@code requireCurrent}: the
     * outcomes (one per ref, in order) and the state afterwards are those of the single calls made one after another,
     * so a ref repeated in the list deletes once and is then {@link DeleteOutcome#NOT_FOUND}. Each entry is atomic on
     * its own, not the batch as a whole; every delete is durable as a single delete is before the call returns. A
     * backend should make the batch one write (one lock hold, one record and one force, one round trip); this default
     * makes the single calls.
     *
     * @return one outcome per ref, in list order
     */
    default List<DeleteOutcome> deleteAll(QueueId queue, List<MessageRef> refs, Instant now, boolean requireCurrent) {
        List<DeleteOutcome> outcomes = new ArrayList<>(refs.size());
        for (MessageRef ref : refs) {
            outcomes.add(delete(queue, ref, now, requireCurrent));
        }
        return outcomes;
    }

    /**
     * {@link #deleteAll} without waiting on the caller's thread, as {@link #appendAsync} is to {@code append}: the
     * outcomes are decided (and the messages gone from every later read) before this returns, and the future
     * completes with them once the deletes are durable; a failure completes it exceptionally. This default calls
     * {@code deleteAll}.
     */
    default CompletableFuture<List<DeleteOutcome>> deleteAllAsync(
            QueueId queue, List<MessageRef> refs, Instant now, boolean requireCurrent) {
        try {
            return CompletableFuture.completedFuture(deleteAll(queue, refs, now, requireCurrent));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Removes every message of the queue (visible, in flight, delayed) and its deduplication history. */
    long purge(QueueId queue);

    /** Removes the messages sent before {@code sentBefore} (retention). */
    long expire(QueueId queue, Instant sentBefore);

    QueueCounts counts(QueueId queue, Instant now);

    /**
     * The earliest instant after {@code now} at which a delayed or in-flight message of the queue becomes visible,
     * so a long poll can wake then without polling; empty if none.
     */
    Optional<Instant> nextVisibleAt(QueueId queue, Instant now);

    /**
     * Reads up to {@code max} messages with a sequence greater than {@code afterSequence}, in sequence order,
     * without changing anything (the console's browse).
     */
    List<StoredMessage> peek(QueueId queue, long afterSequence, int max);

    // ---- other ----

    /** Registers a listener for "messages may be available" (see {@link StoreListener}). */
    void addListener(StoreListener listener);

    /**
     * Server-wide small values the engine keeps durable (for example wrapped data keys), by name. Values are never
     * deleted.
     */
    Optional<byte[]> getSetting(String name);

    /** Stores a server-wide value durably; fails if {@code name} already has a different value. */
    void putSetting(String name, byte[] value);

    /** Flushes and releases everything; later calls fail with {@link StoreException}. */
    @Override
    void close();
}
