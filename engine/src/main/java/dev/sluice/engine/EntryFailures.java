package dev.sluice.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The failed entries of a DeleteMessageBatch or ChangeMessageVisibilityBatch, by position, collected while the
 * entries are checked and after the store answered; every other entry succeeded. An {@link SqsException} of one entry
 * is that entry's failure; any other exception (a store failure) fails the whole request, as a single action would.
 */
final class EntryFailures {
    private final SqsException[] failures;

    EntryFailures(int entries) {
        this.failures = new SqsException[entries];
    }

    void fail(int entry, SqsException e) {
        failures[entry] = e;
    }

    /** The answer to the request, successes and failures each in request order. */
    <T> BatchResult<Void> result(List<BatchEntry<T>> entries) {
        List<BatchEntry<Void>> successful = new ArrayList<>();
        List<BatchFailure> failed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).id();
            if (failures[i] == null) {
                successful.add(new BatchEntry<>(id, null));
            } else {
                failed.add(BatchFailure.of(id, failures[i]));
            }
        }
        return new BatchResult<>(List.copyOf(successful), List.copyOf(failed));
    }
}
