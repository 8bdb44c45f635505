package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.store.QueueId;

/** CreateQueue (REFERENCE §2.1): creates a queue in the caller's account, or returns the existing one's URL. */
public final class CreateQueue implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        ObjectNode input = request.input();
        QueueId queue = request.engine()
                .createQueue(
                        request.caller().account(),
                        Members.string(input, "QueueName"),
                        Members.stringMap(input, "Attributes"),
                        Members.stringMap(input, "tags"));
        return ActionRequest.output().put("QueueUrl", request.queueUrl(queue));
    }

    @Override
    public boolean acceptsQueuePath() {
        return false;
    }
}
