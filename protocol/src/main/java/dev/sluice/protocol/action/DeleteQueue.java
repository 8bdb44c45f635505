package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** DeleteQueue (REFERENCE §2.4). */
public final class DeleteQueue implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        request.engine().deleteQueue(request.queue());
        return ActionRequest.output();
    }
}
