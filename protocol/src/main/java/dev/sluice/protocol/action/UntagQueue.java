package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** UntagQueue (REFERENCE §2.17). */
public final class UntagQueue implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        request.engine().untagQueue(request.queue(), Members.strings(request.input(), "TagKeys"));
        return ActionRequest.output();
    }
}
