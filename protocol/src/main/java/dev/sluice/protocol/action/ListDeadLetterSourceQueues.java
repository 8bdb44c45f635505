package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ListQueuesPage;
import dev.sluice.store.QueueId;

/**
 * ListDeadLetterSourceQueues (REFERENCE §2.15): the queues whose RedrivePolicy targets this queue, answered as
 * lower-case {@code queueUrls} (always present, as the model requires) and {@code NextToken}.
 */
public final class ListDeadLetterSourceQueues implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        ObjectNode input = request.input();
        ListQueuesPage page = request.engine()
                .listDeadLetterSourceQueues(
                        request.queue(), Members.integer(input, "MaxResults"), Members.string(input, "NextToken"));
        ObjectNode output = ActionRequest.output();
        ArrayNode urls = output.putArray("queueUrls");
        for (QueueId queue : page.queues()) {
            urls.add(request.queueUrl(queue));
        }
        if (page.nextToken() != null) {
            output.put("NextToken", page.nextToken());
        }
        return output;
    }
}
