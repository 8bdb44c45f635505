package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * One SQS action: reads its members from the canonical request tree, calls the engine and builds its output tree
 * (JSON member names of {@code service-2.json}). An action never knows which wire protocol carried the request.
 */
public interface Action {
    /**
     * Performs the action.
     *
     * @return the output tree; an empty node for actions without output
     * @throws dev.sluice.engine.SqsException for anything the client must hear about
     */
    ObjectNode handle(ActionRequest request);

    /**
     * Performs the action, answering with a future instead of on the caller's thread: actions whose engine call waits
     * for the disk (sends) override this so the request thread is not parked meanwhile; the future may then complete
     * on the store's writer thread. Fails (or throws) with {@link dev.sluice.engine.SqsException} as {@link #handle}
     * does. By default it is {@link #handle}, already completed.
     */
    default CompletableFuture<ObjectNode> handleAsync(ActionRequest request) {
        return CompletableFuture.completedFuture(handle(request));
    }

    /**
     * True when {@link #handleAsync} returns without blocking on an engine whose async calls do not wait ({@link
     * dev.sluice.engine.QueueEngine#asyncCallsWithoutWaiting}): it only reads the request and hands it to such an
     * engine call. The endpoint may then be called on a thread that must not block.
     */
    default boolean answersWithoutBlocking() {
        return false;
    }

    /** False for the actions AWS refuses when sent to a queue URL path (CreateQueue, ListQueues; REFERENCE §1.4). */
    default boolean acceptsQueuePath() {
        return true;
    }
}
