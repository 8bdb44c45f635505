package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.SendMessageOutput;
import dev.sluice.engine.SqsException;
import java.util.concurrent.CompletableFuture;

/** SendMessage (REFERENCE §2.8); the request's X-Amzn-Trace-Id header becomes AWSTraceHeader when none is sent. */
public final class SendMessage implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        return SqsException.join(handleAsync(request));
    }

    /** It validates, seals and hands the append to the engine; the commit completes its future. */
    @Override
    public boolean answersWithoutBlocking() {
        return true;
    }

    @Override
    public CompletableFuture<ObjectNode> handleAsync(ActionRequest request) {
        return request.engine()
                .sendMessageAsync(
                        request.queue(), MessageAttributeNodes.sendInput(request.input(), request.traceHeader()))
                .thenApply(SendMessage::output);
    }

    private static ObjectNode output(SendMessageOutput sent) {
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
