package dev.sluice.protocol;

import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.store.QueueId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the queue URLs handed to clients ({@code <base>/<account>/<name>}) and finds the queue a URL or a request
 * path names, by its last two path segments only: the host is never compared, so URLs handed out under another host
 * name or port still resolve (REFERENCE §1.4).
 *
 * @param base the scheme, host and port (and any path prefix) every queue URL starts with, without trailing slash
 */
public record QueueUrls(String base) {
    public QueueUrls {
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
    }

    /**
     * The URL base for one request: the configured advertised base, else the scheme and Host header it used (a
     * wildcard host, 0.0.0.0 or [::], becomes localhost).
     */
    public static QueueUrls forRequest(ProtocolConfig config, HttpRequestView request) {
        if (!config.advertisedBaseUrl().isEmpty()) {
            return new QueueUrls(config.advertisedBaseUrl());
        }
        String host = request.header("Host");
        host = host == null || host.isBlank() ? "localhost" : host.trim();
        if (host.startsWith("0.0.0.0") || host.startsWith("[::]")) {
            // a wildcard address is not a place to send requests to: hand out localhost with the same port
            host = "localhost" + host.substring(host.startsWith("[::]") ? 4 : 7);
        }
        return new QueueUrls((request.secure() ? "https://" : "http://") + host);
    }

    public String of(QueueId queue) {
        return base + "/" + queue.account() + "/" + queue.name();
    }

    /**
     * The queue a {@code QueueUrl} parameter names.
     *
     * @throws SqsException InvalidAddress when it is not an http(s) URL ending in {@code /ACCOUNT/NAME}
     */
    public static QueueId parse(String queueUrl) {
        try {
            URI uri = new URI(queueUrl);
            String scheme = uri.getScheme();
            if (scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getRawAuthority() != null) {
                Optional<QueueId> queue = fromPath(uri.getRawPath() == null ? "" : uri.getRawPath());
                if (queue.isPresent()) {
                    return queue.get();
                }
            }
        } catch (URISyntaxException e) {
            // falls through to InvalidAddress
        }
        throw invalidAddress(queueUrl);
    }

    /** The queue named by the last two non-empty segments of a request path, if it has two. */
    public static Optional<QueueId> fromPath(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.size() < 2) {
            return Optional.empty();
        }
        String account = decode(segments.get(segments.size() - 2));
        String name = decode(segments.get(segments.size() - 1));
        return Optional.of(new QueueId(account, name));
    }

    public static SqsException invalidAddress(String address) {
        return new SqsException(
                ErrorCode.INVALID_ADDRESS, "The address " + address + " is not valid for this endpoint.");
    }

    /** Percent-decodes a path segment; a segment that does not decode is kept as sent (it then names no queue). */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
