package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** False for the actions AWS refuses when sent to a queue URL path (CreateQueue, ListQueues; REFERENCE §1.4). */
    default boolean acceptsQueuePath() {
        return true;
    }
}
