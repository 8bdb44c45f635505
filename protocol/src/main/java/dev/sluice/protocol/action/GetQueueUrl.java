package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.store.QueueId;

/** GetQueueUrl (REFERENCE §2.2): the URL of a queue by name, in the caller's or the named owner's account. */
public final class GetQueueUrl implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        ObjectNode input = request.input();
        String owner = Members.string(input, "QueueOwnerAWSAccountId");
        String account = owner == null || owner.isEmpty() ? request.caller().account() : owner;
        QueueId queue = request.engine().getQueueUrl(account, Members.string(input, "QueueName"));
        return ActionRequest.output().put("QueueUrl", request.queueUrl(queue));
    }
}
