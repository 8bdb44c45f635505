package dev.sluice.http;

import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Answers the requests of one route (health, later metrics and the console); runs on a virtual thread. */
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
}
