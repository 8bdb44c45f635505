package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.BatchEntry;
import dev.sluice.engine.BatchResult;
import dev.sluice.engine.VisibilityChange;
import java.util.ArrayList;
import java.util.List;

/** ChangeMessageVisibilityBatch (REFERENCE §2.14). */
public final class ChangeMessageVisibilityBatch implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        List<BatchEntry<VisibilityChange>> entries = new ArrayList<>();
        for (JsonNode entry : Members.list(request.input(), "Entries")) {
            entries.add(new BatchEntry<>(
                    Members.string(entry, "Id"),
                    new VisibilityChange(
                            Members.string(entry, "ReceiptHandle"), Members.integer(entry, "VisibilityTimeout"))));
        }
        BatchResult<Void> result = request.engine().changeMessageVisibilityBatch(request.queue(), entries);
        ObjectNode output = ActionRequest.output();
        BatchFailures.writeIds(output, result.successful());
        BatchFailures.write(output, result.failed());
        return output;
    }
}
