package dev.sluice.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that are too slow: a request must arrive completely within the request timeout of its first
 * byte (slow or stalled clients), and a kept-alive connection may wait for its next request up to the idle timeout.
 * While a request is being handled (a long poll may take 20 s) no timer runs. Sits in front of the HTTP codec, so it
 * sees the raw bytes; the {@link RequestDispatcher} tells it when a request is complete and when it has been
 * answered. All methods run on the channel's event loop.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(ConnectionTimeouts.class);

    private enum Phase {
        IDLE,
        RECEIVING,
        BUSY,
        /** Answered early (413) while the client still sends; the request timer still bounds the wait. */
        CLOSING
    }

    private static final long NONE = Long.MAX_VALUE;

    private final long requestTimeoutNanos;
    private final long idleTimeoutNanos;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    /** When the current phase must have ended ({@link System#nanoTime}), or {@link #NONE} while a request is handled. */
    private long deadline = NONE;
    /** At most one timer; it may be later than {@link #deadline} only until the end of the current read. */
    private ScheduledFuture<?> timer;

    private long timerAt;

    ConnectionTimeouts(Duration requestTimeout, Duration idleTimeout) {
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        deadline = System.nanoTime() + idleTimeoutNanos;
        armForDeadline();
        super.channelActive(ctx);
    }

    /**
     * A request's first bytes start its timer. Only the deadline moves here: most requests arrive whole in one read
     * and are handed over before it completes, so the timer is brought forward (if at all) in {@link
     * #channelReadComplete}, not once per request.
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (phase == Phase.IDLE) {
            phase = Phase.RECEIVING;
            deadline = System.nanoTime() + requestTimeoutNanos;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        armForDeadline();
        super.channelReadComplete(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    /** A complete request has reached the dispatcher: no deadline while it is handled. */
    void requestReceived() {
        phase = Phase.BUSY;
        deadline = NONE;
    }

    /**
     * The response is written and the connection stays open: wait for the next request. A timer armed earlier fires
     * before the new deadline and re-arms itself for the rest, so a busy connection costs about one timer per idle
     * timeout rather than two per request.
     */
    void awaitNext() {
        phase = Phase.IDLE;
        deadline = System.nanoTime() + idleTimeoutNanos;
        armForDeadline();
    }

    /** An error was answered before the request was complete; the connection closes once the client is done. */
    void answeredEarly() {
        phase = Phase.CLOSING;
    }

    /** Makes sure a timer fires no later than the deadline. */
    private void armForDeadline() {
        if (deadline == NONE || (timer != null && timerAt <= deadline)) {
            return;
        }
        cancel();
        arm(deadline);
    }

    private void arm(long at) {
        timerAt = at;
        timer = ctx.executor().schedule(this::expire, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire() {
        timer = null;
        if (!ctx.channel().isActive() || deadline == NONE) {
            return;
        }
        if (System.nanoTime() < deadline) {
            arm(deadline);
            return;
        }
        if (phase == Phase.RECEIVING) {
            log.debug(
                    "Closing {}: request incomplete after the request timeout",
                    ctx.channel().remoteAddress());
            ctx.channel()
                    .writeAndFlush(Responses.plain(HttpResponseStatus.REQUEST_TIMEOUT, "Request timeout"))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (phase == Phase.IDLE || phase == Phase.CLOSING) {
            ctx.close();
        }
    }
}
