package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** TagQueue (REFERENCE §2.16). */
public final class TagQueue implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        request.engine().tagQueue(request.queue(), Members.stringMap(request.input(), "Tags"));
        return ActionRequest.output();
    }
}
