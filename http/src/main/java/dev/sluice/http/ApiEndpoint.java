package dev.sluice.http;

import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import dev.sluice.protocol.SqsEndpoint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The SQS API as the HTTP layer sees it: every request no other route claims, and the SQS encoding of errors the
 * HTTP layer detects itself (oversized bodies, shutting down). An interface so the HTTP layer can be tested alone.
 */
public interface ApiEndpoint extends Endpoint {

    /** Encodes {@code error} in the wire protocol of {@code request}, whose body may be empty. */
    HttpResponse reject(HttpRequestView request, SqsException error);

    /** The real SQS API. */
    static ApiEndpoint of(SqsEndpoint sqs) {
        return new ApiEndpoint() {
            @Override
            public HttpResponse handle(HttpRequestView request) {
                return sqs.handle(request);
            }

            @Override
            public CompletableFuture<HttpResponse> handle(HttpRequestView request, Executor continuation) {
                return sqs.handle(request, continuation);
            }

            @Override
            public boolean answersWithoutBlocking(HttpRequestView request) {
                return sqs.answersWithoutBlocking(request);
            }

            @Override
            public HttpResponse reject(HttpRequestView request, SqsException error) {
                return sqs.reject(request, error);
            }
        };
    }
}
