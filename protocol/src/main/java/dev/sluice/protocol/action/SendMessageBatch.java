package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.BatchEntry;
import dev.sluice.engine.BatchResult;
import dev.sluice.engine.SendMessageInput;
import dev.sluice.engine.SendMessageOutput;
import dev.sluice.engine.SqsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** SendMessageBatch (REFERENCE §2.9): per-entry failures are data in {@code Failed}, not errors. */
public final class SendMessageBatch implements Action {
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
        List<BatchEntry<SendMessageInput>> entries = new ArrayList<>();
        for (JsonNode entry : Members.list(request.input(), "Entries")) {
            entries.add(new BatchEntry<>(
                    Members.string(entry, "Id"), MessageAttributeNodes.sendInput(entry, request.traceHeader())));
        }
        return request.engine().sendMessageBatchAsync(request.queue(), entries).thenApply(SendMessageBatch::output);
    }

    private static ObjectNode output(BatchResult<SendMessageOutput> result) {
        ObjectNode output = ActionRequest.output();
        if (!result.successful().isEmpty()) {
            ArrayNode successful = output.putArray("Successful");
            for (BatchEntry<SendMessageOutput> done : result.successful()) {
                SendMessageOutput sent = done.value();
                ObjectNode item = successful.addObject();
                item.put("Id", done.id());
                item.put("MessageId", sent.messageId());
                item.put("MD5OfMessageBody", sent.md5OfMessageBody());
                SendMessage.putIfPresent(item, "MD5OfMessageAttributes", sent.md5OfMessageAttributes());
                SendMessage.putIfPresent(item, "MD5OfMessageSystemAttributes", sent.md5OfMessageSystemAttributes());
                SendMessage.putIfPresent(item, "SequenceNumber", sent.sequenceNumber());
            }
        }
        BatchFailures.write(output, result.failed());
        return output;
    }
}
