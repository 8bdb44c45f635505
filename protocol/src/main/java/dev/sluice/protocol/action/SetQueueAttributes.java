package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** SetQueueAttributes (REFERENCE §2.6). */
public final class SetQueueAttributes implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        request.engine().setQueueAttributes(request.queue(), Members.stringMap(request.input(), "Attributes"));
        return ActionRequest.output();
    }
}
