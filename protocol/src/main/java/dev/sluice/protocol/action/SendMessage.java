package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.SendMessageOutput;

/** SendMessage (REFERENCE §2.8); the request's X-Amzn-Trace-Id header becomes AWSTraceHeader when none is sent. */
public final class SendMessage implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        SendMessageOutput sent = request.engine()
                .sendMessage(request.queue(), MessageAttributeNodes.sendInput(request.input(), request.traceHeader()));
        ObjectNode output = ActionRequest.output();
        output.put("MD5OfMessageBody", sent.md5OfMessageBody());
        putIfPresent(output, "MD5OfMessageAttributes", sent.md5OfMessageAttributes());
        putIfPresent(output, "MD5OfMessageSystemAttributes", sent.md5OfMessageSystemAttributes());
        output.put("MessageId", sent.messageId());
        putIfPresent(output, "SequenceNumber", sent.sequenceNumber());
        return output;
    }

    static void putIfPresent(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
