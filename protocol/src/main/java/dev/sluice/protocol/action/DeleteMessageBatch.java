package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.BatchEntry;
import dev.sluice.engine.BatchResult;
import dev.sluice.engine.SqsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** DeleteMessageBatch (REFERENCE §2.12); answered from the store's commit, like a send. */
public final class DeleteMessageBatch implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        return SqsException.join(handleAsync(request));
    }

    /** It checks the handles and hands the deletes to the engine; the commit completes its future. */
    @Override
    public boolean answersWithoutBlocking() {
        return true;
    }

    @Override
    public CompletableFuture<ObjectNode> handleAsync(ActionRequest request) {
        List<BatchEntry<String>> entries = new ArrayList<>();
        for (JsonNode entry : Members.list(request.input(), "Entries")) {
            entries.add(new BatchEntry<>(Members.string(entry, "Id"), Members.string(entry, "ReceiptHandle")));
        }
        return request.engine()
                .deleteMessageBatchAsync(request.queue(), entries)
                .thenApply(DeleteMessageBatch::output);
    }

    private static ObjectNode output(BatchResult<Void> result) {
        ObjectNode output = ActionRequest.output();
        BatchFailures.writeIds(output, result.successful());
        BatchFailures.write(output, result.failed());
        return output;
    }
}
