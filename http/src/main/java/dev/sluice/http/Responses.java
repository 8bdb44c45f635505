package dev.sluice.http;

import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Netty responses the server writes, from endpoint answers or for transport-level failures. */
final class Responses {
    private static final Logger log = LoggerFactory.getLogger(Responses.class);

    private Responses() {}

    /**
     * The endpoint's answer with Content-Length and the connection header: {@code close} unless kept alive, and an
     * explicit {@code keep-alive} for HTTP/1.0 clients that asked for it.
     */
    static FullHttpResponse toNetty(HttpResponse response, boolean keepAlive, boolean http10) {
        HttpHeaders headers = ResponseHeaders.of(response.headers());
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            headers.remove(HttpHeaderNames.CONNECTION);
        }
        // the body is wrapped, not copied; a full response has no trailers, so it shares the empty, immutable set
        return new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(response.body()),
                headers,
                EmptyHttpHeaders.INSTANCE);
    }

    /** A short text response for failures below the SQS protocol (malformed HTTP, timeouts); closes. */
    static FullHttpResponse plain(HttpResponseStatus status, String text) {
        return toNetty(
                new HttpResponse(
                        status.code(),
                        Map.of("Content-Type", "text/plain; charset=utf-8"),
                        (text + "\n").getBytes(StandardCharsets.UTF_8)),
                false,
                false);
    }

    /** The SQS encoding of {@code code}; a plain response should the encoder itself fail. */
    static HttpResponse reject(ApiEndpoint api, HttpRequestView request, ErrorCode code, String message) {
        try {
            return api.reject(request, new SqsException(code, message));
        } catch (RuntimeException e) {
            log.error("Could not encode {} for {} {}", code, request.method(), request.path(), e);
            return new HttpResponse(
                    code.httpStatus(),
                    Map.of("Content-Type", "text/plain; charset=utf-8"),
                    (message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
