package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.BatchEntry;
import dev.sluice.engine.BatchFailure;
import java.util.List;

/** Writes the {@code Successful} id entries and the {@code Failed} entries that all three batch actions answer. */
final class BatchFailures {
    private BatchFailures() {}

    static void write(ObjectNode output, List<BatchFailure> failures) {
        if (failures.isEmpty()) {
            return; // AWS leaves an empty list out although the model requires it (REFERENCE §2.9)
        }
        ArrayNode failed = output.putArray("Failed");
        for (BatchFailure failure : failures) {
            ObjectNode item = failed.addObject();
            item.put("Id", failure.id());
            item.put("SenderFault", failure.senderFault());
            item.put("Code", failure.code());
            if (failure.message() != null) {
                item.put("Message", failure.message());
            }
        }
    }

    static <T> void writeIds(ObjectNode output, List<BatchEntry<T>> successes) {
        if (successes.isEmpty()) {
            return;
        }
        ArrayNode successful = output.putArray("Successful");
        for (BatchEntry<T> done : successes) {
            successful.addObject().put("Id", done.id());
        }
    }
}
