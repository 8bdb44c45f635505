package dev.sluice.http;

import dev.sluice.engine.ErrorCode;
import dev.sluice.protocol.HttpRequestView;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Aggregates each request body up to the limit, and answers a larger one with the SQS error RequestEntityTooLarge
 * (413) in the request's wire protocol instead of dropping the socket.
 *
 * <p>After the 413 the connection closes, but only once the client has finished sending the body (which is read and
 * discarded): closing a socket with unread data resets it, and the client would see the reset instead of the answer.
 * The request timeout bounds how long that may take. A client that announced {@code Expect: 100-continue} gets the 413
 * before it sends anything.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final ApiEndpoint api;
    private final boolean secure;
    private final ConnectionTimeouts timeouts;
    private boolean draining;

    BodyLimit(int maxBodyBytes, ApiEndpoint api, boolean secure, ConnectionTimeouts timeouts) {
        super(maxBodyBytes);
        this.api = api;
        this.secure = secure;
        this.timeouts = timeouts;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (start instanceof HttpRequest request
                && HttpUtil.is100ContinueExpected(start)
                && isContentLengthInvalid(start, maxContentLength)) {
            return tooLarge(request, pipeline.channel());
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected boolean closeAfterContinueResponse(Object msg) {
        return msg instanceof FullHttpResponse response && response.status().code() >= 400;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (!(oversized instanceof HttpRequest request)) {
            ctx.close();
            return;
        }
        timeouts.answeredEarly();
        var written = ctx.writeAndFlush(tooLarge(request, ctx.channel()));
        if (oversized instanceof FullHttpMessage) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else {
            draining = true;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        boolean lastOfOversized = draining && msg instanceof LastHttpContent;
        super.channelRead(ctx, msg);
        if (lastOfOversized) {
            draining = false;
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        super.channelReadComplete(ctx);
        if (draining && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    private FullHttpResponse tooLarge(HttpRequest request, io.netty.channel.Channel channel) {
        HttpRequestView view = RequestCopy.withoutBody(request, channel, secure);
        var response = Responses.reject(
                api,
                view,
                ErrorCode.REQUEST_ENTITY_TOO_LARGE,
                "Request body must be no longer than " + maxContentLength() + " bytes.");
        return Responses.toNetty(response, false, false);
    }
}
