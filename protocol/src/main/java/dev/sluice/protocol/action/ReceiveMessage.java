package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ReceiveMessageInput;
import dev.sluice.engine.ReceivedMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ReceiveMessage (REFERENCE §2.10): may wait on the caller's virtual thread for up to the wait time. The system
 * attributes asked for are the union of {@code AttributeNames} and {@code MessageSystemAttributeNames}.
 */
public final class ReceiveMessage implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        ObjectNode input = request.input();
        Set<String> attributeNames = new LinkedHashSet<>(Members.strings(input, "AttributeNames"));
        attributeNames.addAll(Members.strings(input, "MessageSystemAttributeNames"));
        ReceiveMessageInput receive = new ReceiveMessageInput(
                Members.integer(input, "MaxNumberOfMessages"),
                Members.integer(input, "VisibilityTimeout"),
                Members.integer(input, "WaitTimeSeconds"),
                List.copyOf(attributeNames),
                Members.strings(input, "MessageAttributeNames"),
                Members.string(input, "ReceiveRequestAttemptId"));
        List<ReceivedMessage> messages = request.engine().receiveMessage(request.queue(), receive);
        ObjectNode output = ActionRequest.output();
        ArrayNode list = output.putArray("Messages");
        for (ReceivedMessage message : new ArrayList<>(messages)) {
            ObjectNode item = list.addObject();
            item.put("MessageId", message.messageId());
            item.put("ReceiptHandle", message.receiptHandle());
            item.put("MD5OfBody", message.md5OfBody());
            item.put("Body", message.body());
            if (message.attributes() != null && !message.attributes().isEmpty()) {
                ObjectNode attributes = item.putObject("Attributes");
                message.attributes().forEach(attributes::put);
            }
            if (message.messageAttributes() != null
                    && !message.messageAttributes().isEmpty()) {
                SendMessage.putIfPresent(item, "MD5OfMessageAttributes", message.md5OfMessageAttributes());
                item.set("MessageAttributes", MessageAttributeNodes.write(message.messageAttributes()));
            }
        }
        return output;
    }
}
