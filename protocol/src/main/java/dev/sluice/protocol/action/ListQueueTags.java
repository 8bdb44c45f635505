package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** ListQueueTags (REFERENCE §2.18): {@code Tags} is left out when the queue has none. */
public final class ListQueueTags implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        ObjectNode output = ActionRequest.output();
        ObjectNode tags = output.putObject("Tags");
        request.engine().listQueueTags(request.queue()).forEach(tags::put);
        return output;
    }
}
