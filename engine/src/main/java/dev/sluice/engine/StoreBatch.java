package dev.sluice.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The shape of DeleteMessageBatch and ChangeMessageVisibilityBatch: each entry is checked on its own, the entries
 * that pass go to the store in one call (one store write for the batch), and each store outcome is checked against
 * its entry. An {@link SqsException} from a check is that entry's failure; any other exception (a store failure) fails
 * the whole request, as a single action would.
 */
final class StoreBatch {
    private StoreBatch() {}

    /**
     * @param check an entry's value (may be null) to what the store call needs for it
     * @param store the one store call, given the checked entries in request order, answering one outcome for each
     * @param verify an entry's value and its store outcome; throws when the outcome makes the entry fail
     * @return successes and failures, each in request order
     */
    static <E, C, O> BatchResult<Void> apply(
            List<BatchEntry<E>> entries,
            Function<E, C> check,
            Function<List<C>, List<O>> store,
            BiConsumer<E, O> verify) {
        return SqsException.join(
                applyAsync(entries, check, checked -> CompletableFuture.completedFuture(store.apply(checked)), verify));
    }

    /**
     * {@link #apply} with a store call answered by a future: the entries are checked and the store is called before
     * this returns; the outcomes are verified when its future completes.
     */
    static <E, C, O> CompletableFuture<BatchResult<Void>> applyAsync(
            List<BatchEntry<E>> entries,
            Function<E, C> check,
            Function<List<C>, CompletableFuture<List<O>>> store,
            BiConsumer<E, O> verify) {
        SqsException[] failures = new SqsException[entries.size()];
        List<C> checked = new ArrayList<>(entries.size());
        int[] entryOf = new int[entries.size()]; // checked.get(j) belongs to entries.get(entryOf[j])
        for (int i = 0; i < entries.size(); i++) {
            try {
                checked.add(check.apply(entries.get(i).value()));
                entryOf[checked.size() - 1] = i;
            } catch (SqsException e) {
                failures[i] = e;
            }
        }
        CompletableFuture<List<O>> stored =
                checked.isEmpty() ? CompletableFuture.completedFuture(List.of()) : store.apply(checked);
        return stored.thenApply(outcomes -> verified(entries, verify, failures, entryOf, outcomes));
    }

    private static <E, O> BatchResult<Void> verified(
            List<BatchEntry<E>> entries,
            BiConsumer<E, O> verify,
            SqsException[] failures,
            int[] entryOf,
            List<O> outcomes) {
        for (int j = 0; j < outcomes.size(); j++) {
            int i = entryOf[j];
            try {
                verify.accept(entries.get(i).value(), outcomes.get(j));
            } catch (SqsException e) {
                failures[i] = e;
            }
        }
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
