package dev.sluice.http;

import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.RequestHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.Map;

/** Copies a Netty request into the read-only {@link HttpRequestView} the protocol layer sees. */
final class RequestCopy {
    private static final byte[] NO_BODY = new byte[0];

    private RequestCopy() {}

    /**
     * The request with {@code body}'s readable bytes (copied; the caller still releases the buffer).
     *
     * @param remoteAddress the peer's address as {@link #remoteAddress} gives it
     */
    static HttpRequestView of(HttpRequest request, ByteBuf body, String remoteAddress, boolean secure) {
        byte[] bytes = body == null || !body.isReadable() ? NO_BODY : ByteBufUtil.getBytes(body);
        return of(request, bytes, remoteAddress, secure);
    }

    /** The request's line and headers with an empty body (for errors found before the body is read). */
    static HttpRequestView withoutBody(HttpRequest request, Channel channel, boolean secure) {
        return of(request, NO_BODY, remoteAddress(channel), secure);
    }

    private static HttpRequestView of(HttpRequest request, byte[] body, String remoteAddress, boolean secure) {
        // built straight into the structure the protocol layer reads (the view keeps it as is): one copy
        RequestHeaders.Builder headers = RequestHeaders.builder();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        String target = originForm(request.uri());
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String rawQuery = query < 0 ? "" : target.substring(query + 1);
        return new HttpRequestView(
                request.method().name(),
                path.isEmpty() ? "/" : path,
                rawQuery,
                headers.build(),
                body,
                secure,
                remoteAddress);
    }

    /** Reduces an absolute-form target ({@code http://host/path?q}) to its path and query; drops any fragment. */
    static String originForm(String uri) {
        String target = uri;
        int fragment = target.indexOf('#');
        if (fragment >= 0) {
            target = target.substring(0, fragment);
        }
        if (!target.startsWith("/")) {
            int scheme = target.indexOf("://");
            if (scheme >= 0) {
                int authorityEnd = scheme + 3;
                while (authorityEnd < target.length()
                        && target.charAt(authorityEnd) != '/'
                        && target.charAt(authorityEnd) != '?') {
                    authorityEnd++;
                }
                target = target.substring(authorityEnd);
                if (!target.startsWith("/")) {
                    target = "/" + target;
                }
            }
        }
        return target;
    }

    /** The peer's IP address as text (a connection's peer never changes, so callers may keep it). */
    static String remoteAddress(Channel channel) {
        if (channel.remoteAddress() instanceof InetSocketAddress address) {
            return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        }
        return String.valueOf(channel.remoteAddress());
    }
}
