package dev.sluice.http;

import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Answers the requests of one route (health, later metrics and the console); runs on a virtual thread unless it says it
 * does not block.
 */
@FunctionalInterface
public interface Endpoint {
    HttpResponse handle(HttpRequestView request);

    /**
     * Answers with a future, for endpoints whose work completes elsewhere (a send answered from the store's commit);
     * what follows that completion runs on {@code continuation} (the connection's event loop), and the future never
     * fails. By default {@link #handle}, already completed.
     */
    default CompletableFuture<HttpResponse> handle(HttpRequestView request, Executor continuation) {
        return CompletableFuture.completedFuture(handle(request));
    }

    /**
     * True when {@link #handle(HttpRequestView, Executor)} returns without blocking for {@code request}: the
     * dispatcher then calls it on the event loop instead of on a virtual thread. False by default.
     */
    default boolean answersWithoutBlocking(HttpRequestView request) {
        return false;
    }
}
