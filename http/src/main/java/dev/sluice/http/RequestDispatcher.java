package dev.sluice.http;

import dev.sluice.engine.ErrorCode;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection: hands each complete request to its endpoint on a virtual thread (or, when the
 * endpoint says it does not block for that request, calls it right here on the event loop) and writes the answer.
 *
 * <p>One request at a time per connection: a request that arrives while the previous one is being handled (HTTP
 * pipelining) waits here, in order, and is handled once the previous answer is written, so pipelined requests are
 * answered in order and a slow request holds no event-loop thread. The channel reads by itself (auto-read): SDK
 * clients never pipeline, and switching read interest on and off around every request would cost two {@code
 * epoll_ctl} calls per request. As soon as a request waits, the dispatcher stops reading, and it reads again once
 * none waits: a pipelining client meets TCP back-pressure, and a connection holds at most the request in progress, one
 * waiting request of up to the body limit, and whatever small requests one read had already brought in. Everything
 * here runs on the event loop; so does the endpoint call for sends (why: ARCHITECTURE.md, decisions).
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final Router router;
    private final InFlightRequests inFlight;
    private final Executor virtualThreads;
    private final ConnectionTimeouts timeouts;
    private final boolean secure;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>(); // pipelined, in arrival order
    private boolean busy; // a request is being handled: later ones wait until it is answered
    private String remoteAddress; // the peer's address as text, formatted on the first request
    private Executor eventLoop; // the connection's event loop as a never-rejecting executor, made on the first request

    RequestDispatcher(
            Router router,
            InFlightRequests inFlight,
            Executor virtualThreads,
            ConnectionTimeouts timeouts,
            boolean secure) {
        this.router = router;
        this.inFlight = inFlight;
        this.virtualThreads = virtualThreads;
        this.timeouts = timeouts;
        this.secure = secure;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy) {
            waiting.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        handle(ctx, request);
    }

    /** Starts handling the next pipelined request, if one waits, and reads again once none waits. */
    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest request = waiting.poll();
        if (waiting.isEmpty() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
        if (request != null) {
            handle(ctx, request);
        }
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        busy = true;
        timeouts.requestReceived();
        HttpRequestView view;
        boolean keepAlive;
        boolean http10;
        try {
            if (request.decoderResult().isFailure()) {
                refuseMalformed(ctx, request.decoderResult().cause());
                return;
            }
            keepAlive = HttpUtil.isKeepAlive(request);
            http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
            if (remoteAddress == null) {
                remoteAddress = RequestCopy.remoteAddress(ctx.channel());
                eventLoop = eventLoop(ctx);
            }
            view = RequestCopy.of(request, request.content(), remoteAddress, secure);
        } finally {
            request.release();
        }
        Endpoint endpoint = router.route(view);
        boolean counted = endpoint == router.api();
        if (counted && !inFlight.enter()) {
            HttpResponse refused =
                    Responses.reject(router.api(), view, ErrorCode.SERVICE_UNAVAILABLE, "Sluice is shutting down.");
            ctx.writeAndFlush(Responses.toNetty(refused, false, http10)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (endpoint.answersWithoutBlocking(view)) {
            answer(ctx, endpoint, view, keepAlive, http10, counted); // a send: no hand-off to a request thread
            return;
        }
        try {
            virtualThreads.execute(() -> answer(ctx, endpoint, view, keepAlive, http10, counted));
        } catch (RejectedExecutionException e) {
            if (counted) {
                inFlight.exit();
            }
            ctx.close();
        }
    }

    /**
     * Runs on a virtual thread, where the endpoint may block (a long poll parks here), or on the event loop for a
     * request the endpoint answers without blocking. A send is answered from the store's commit: the endpoint returns
     * at once and its future completes on the event loop, so no thread stays parked while the disk works.
     */
    private void answer(
            ChannelHandlerContext ctx,
            Endpoint endpoint,
            HttpRequestView view,
            boolean keepAlive,
            boolean http10,
            boolean counted) {
        CompletableFuture<HttpResponse> answer;
        try {
            answer = endpoint.handle(view, eventLoop);
        } catch (RuntimeException | Error e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> respond(ctx, view, response, failure, keepAlive, http10, counted));
    }

    /** The connection's event loop as an executor that never rejects (after shutdown the task runs where it is). */
    private static Executor eventLoop(ChannelHandlerContext ctx) {
        EventExecutor loop = ctx.executor();
        return task -> {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    private void respond(
            ChannelHandlerContext ctx,
            HttpRequestView view,
            HttpResponse response,
            Throwable failure,
            boolean keepAlive,
            boolean http10,
            boolean counted) {
        if (failure != null) {
            log.error("Unexpected failure answering {} {}", view.method(), view.path(), failure);
            response = Responses.reject(
                    router.api(),
                    view,
                    ErrorCode.INTERNAL_ERROR,
                    "We encountered an internal error. Please try again.");
        }
        boolean stayOpen = keepAlive && !inFlight.draining();
        FullHttpResponse netty;
        try {
            netty = Responses.toNetty(response, stayOpen, http10);
        } catch (RuntimeException e) { // e.g. a header value HTTP cannot carry
            log.error("Invalid response to {} {}", view.method(), view.path(), e);
            netty = Responses.plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error");
            stayOpen = false;
        }
        write(ctx, netty, stayOpen, counted);
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean stayOpen, boolean counted) {
        ctx.writeAndFlush(response).addListener(written -> {
            if (counted) {
                inFlight.exit();
            }
            if (stayOpen && written.isSuccess()) {
                busy = false;
                timeouts.awaitNext();
                next(ctx);
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (FullHttpRequest request = waiting.poll(); request != null; request = waiting.poll()) {
            request.release();
        }
        ctx.fireChannelInactive();
    }

    private static void refuseMalformed(ChannelHandlerContext ctx, Throwable cause) {
        HttpResponseStatus status;
        if (cause instanceof TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        } else {
            status = HttpResponseStatus.BAD_REQUEST;
        }
        log.debug("Malformed request from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        String reason = cause instanceof TooLongFrameException ? "Request line or headers too long" : "Malformed HTTP";
        ctx.writeAndFlush(Responses.plain(status, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("Connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.debug("Closing connection {} after an error", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
