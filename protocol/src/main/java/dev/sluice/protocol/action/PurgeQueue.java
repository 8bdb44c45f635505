package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** PurgeQueue (REFERENCE §2.7). */
public final class PurgeQueue implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        request.engine().purgeQueue(request.queue());
        return ActionRequest.output();
    }
}
