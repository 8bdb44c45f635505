package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** ChangeMessageVisibility (REFERENCE §2.13). */
public final class ChangeMessageVisibility implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        ObjectNode input = request.input();
        request.engine()
                .changeMessageVisibility(
                        request.queue(),
                        Members.string(input, "ReceiptHandle"),
                        Members.integer(input, "VisibilityTimeout"));
        return ActionRequest.output();
    }
}
