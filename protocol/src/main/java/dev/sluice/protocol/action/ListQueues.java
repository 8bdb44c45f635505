package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ListQueuesPage;
import dev.sluice.store.QueueId;

/** ListQueues (REFERENCE §2.3): the caller's queues by name prefix, paged when MaxResults is given. */
public final class ListQueues implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        ObjectNode input = request.input();
        ListQueuesPage page = request.engine()
                .listQueues(
                        request.caller().account(),
                        Members.string(input, "QueueNamePrefix"),
                        Members.integer(input, "MaxResults"),
                        Members.string(input, "NextToken"));
        ObjectNode output = ActionRequest.output();
        ArrayNode urls = output.putArray("QueueUrls");
        for (QueueId queue : page.queues()) {
            urls.add(request.queueUrl(queue));
        }
        if (page.nextToken() != null) {
            output.put("NextToken", page.nextToken());
        }
        return output;
    }

    @Override
    public boolean acceptsQueuePath() {
        return false;
    }
}
