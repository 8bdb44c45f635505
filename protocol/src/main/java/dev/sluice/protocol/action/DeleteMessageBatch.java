package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.BatchEntry;
import dev.sluice.engine.BatchResult;
import java.util.ArrayList;
import java.util.List;

/** DeleteMessageBatch (REFERENCE §2.12). */
public final class DeleteMessageBatch implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        List<BatchEntry<String>> entries = new ArrayList<>();
        for (JsonNode entry : Members.list(request.input(), "Entries")) {
            entries.add(new BatchEntry<>(Members.string(entry, "Id"), Members.string(entry, "ReceiptHandle")));
        }
        BatchResult<Void> result = request.engine().deleteMessageBatch(request.queue(), entries);
        ObjectNode output = ActionRequest.output();
        BatchFailures.writeIds(output, result.successful());
        BatchFailures.write(output, result.failed());
        return output;
    }
}
