package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** DeleteMessage (REFERENCE §2.11). */
public final class DeleteMessage implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        request.engine().deleteMessage(request.queue(), Members.string(request.input(), "ReceiptHandle"));
        return ActionRequest.output();
    }
}
