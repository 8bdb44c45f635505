package dev.sluice.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Applies an action to every entry of a DeleteMessageBatch or ChangeMessageVisibilityBatch. The entries run
 * concurrently, each on its own virtual thread, so that their store writes join one group commit (one fsync for the
 * batch rather than one per entry); results are reported in request order.
 */
final class BatchEntries {
    private BatchEntries() {}

    /**
     * An {@link SqsException} of one entry becomes that entry's failure; any other exception (a store failure) fails
     * the whole request, as a single action would.
     */
    static <T> BatchResult<Void> applyEach(List<BatchEntry<T>> entries, Consumer<T> action) {
        List<Future<?>> futures = new ArrayList<>(entries.size());
        if (entries.size() == 1) {
            futures.add(runInline(() -> action.accept(entries.get(0).value())));
        } else {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (BatchEntry<T> entry : entries) {
                    futures.add(executor.submit(() -> action.accept(entry.value())));
                }
            }
        }
        List<BatchEntry<Void>> successful = new ArrayList<>();
        List<BatchFailure> failed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).id();
            try {
                futures.get(i).get();
                successful.add(new BatchEntry<>(id, null));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SqsException sqs) {
                    failed.add(BatchFailure.of(id, sqs));
                } else if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                } else {
                    throw new IllegalStateException("batch entry failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqsException(ErrorCode.SERVICE_UNAVAILABLE, "The request was interrupted.", e);
            }
        }
        return new BatchResult<>(List.copyOf(successful), List.copyOf(failed));
    }

    private static Future<?> runInline(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            task.run();
            done.complete(null);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
