package dev.sluice.http;

import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the SQS API that makes the HTTP layer observable: {@code /echo} describes the request it received,
 * {@code /sleep?ms=N} answers after N ms, {@code /block} waits for {@link #release}, {@code /boom} throws, {@code
 * /bad-header} answers with a header value HTTP cannot carry, {@code /thread} names the thread that handled it, and
 * {@code /inline} does too but says it answers without blocking (so it is handled on the event loop).
 */
final class TestApi implements ApiEndpoint {
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-api-later");
        t.setDaemon(true);
        return t;
    });

    final AtomicInteger handled = new AtomicInteger();
    final AtomicInteger blocked = new AtomicInteger();
    final CountDownLatch gate = new CountDownLatch(1);
    volatile HttpRequestView last;

    @Override
    public HttpResponse handle(HttpRequestView request) {
        handled.incrementAndGet();
        last = request;
        switch (request.path()) {
            case "/sleep" -> sleep(Long.parseLong(request.rawQuery().substring("ms=".length())));
            case "/block" -> await();
            case "/boom" -> throw new IllegalStateException("boom");
            case "/bad-header" -> {
                return new HttpResponse(200, Map.of("X-Split", "a\r\nInjected: b"), new byte[0]);
            }
            case "/thread", "/inline" -> {
                Thread t = Thread.currentThread();
                String text = (t.isVirtual() ? "virtual " : "platform ") + t.getName();
                return new HttpResponse(200, Map.of(), text.getBytes(StandardCharsets.UTF_8));
            }
            default -> {}
        }
        String text = request.method() + " " + request.path() + " " + request.rawQuery() + " "
                + new String(request.body(), StandardCharsets.UTF_8);
        return new HttpResponse(200, Map.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequestView request, Executor continuation) {
        if (request.path().equals("/later") || request.path().equals("/later-boom")) {
            handled.incrementAndGet();
            last = request;
            long millis = request.rawQuery() == null
                    ? 0
                    : Long.parseLong(request.rawQuery().substring("ms=".length()));
            CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
            LATER.schedule(
                    () -> continuation.execute(() -> {
                        if (request.path().equals("/later-boom")) {
                            answer.completeExceptionally(new IllegalStateException("later boom"));
                        } else {
                            answer.complete(new HttpResponse(
                                    200,
                                    Map.of("Content-Type", "text/plain"),
                                    ("later " + Thread.currentThread().getName()).getBytes(StandardCharsets.UTF_8)));
                        }
                    }),
                    millis,
                    TimeUnit.MILLISECONDS);
            return answer;
        }
        return ApiEndpoint.super.handle(request, continuation);
    }

    @Override
    public boolean answersWithoutBlocking(HttpRequestView request) {
        return request.path().equals("/inline");
    }

    @Override
    public HttpResponse reject(HttpRequestView request, SqsException error) {
        String json = "{\"__type\":\"" + error.code().jsonType() + "\",\"message\":\"" + error.getMessage() + "\"}";
        return new HttpResponse(
                error.code().httpStatus(),
                Map.of("Content-Type", "application/x-amz-json-1.0"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    void release() {
        gate.countDown();
    }

    private void await() {
        blocked.incrementAndGet();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
