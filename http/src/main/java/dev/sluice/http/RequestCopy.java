package dev.sluice.http;

import dev.sluice.protocol.HttpRequestView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies a Netty request into the read-only {@link HttpRequestView} the protocol layer sees. */
final class RequestCopy {
    private static final byte[] NO_BODY = new byte[0];

    private RequestCopy() {}

    /** The request with {@code body}'s readable bytes (copied; the caller still releases the buffer). */
    static HttpRequestView of(HttpRequest request, ByteBuf body, Channel channel, boolean secure) {
        byte[] bytes = body == null || !body.isReadable() ? NO_BODY : ByteBufUtil.getBytes(body);
        return of(request, bytes, channel, secure);
    }

    /** The request's line and headers with an empty body (for errors found before the body is read). */
    static HttpRequestView withoutBody(HttpRequest request, Channel channel, boolean secure) {
        return of(request, NO_BODY, channel, secure);
    }

    private static HttpRequestView of(HttpRequest request, byte[] body, Channel channel, boolean secure) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        String target = originForm(request.uri());
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String rawQuery = query < 0 ? "" : target.substring(query + 1);
        return new HttpRequestView(
                request.method().name(),
                path.isEmpty() ? "/" : path,
                rawQuery,
                headers,
                body,
                secure,
                remoteAddress(channel));
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

    private static String remoteAddress(Channel channel) {
        if (channel.remoteAddress() instanceof InetSocketAddress address) {
            return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        }
        return String.valueOf(channel.remoteAddress());
    }
}
