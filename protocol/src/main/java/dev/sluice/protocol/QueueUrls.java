package dev.sluice.protocol;

import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.store.QueueId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
     * The queue a {@code QueueUrl} parameter names. Plain http(s) URLs, which is what clients send, are read in one
     * pass; anything unusual goes through {@link URI}, so both give the same answer for every input.
     *
     * @throws SqsException InvalidAddress when it is not an http(s) URL ending in {@code /ACCOUNT/NAME}
     */
    public static QueueId parse(String queueUrl) {
        Optional<String> rawPath = PlainHttpUrl.rawPath(queueUrl);
        Optional<QueueId> queue = rawPath.isPresent() ? fromPath(rawPath.get()) : parseWithUri(queueUrl);
        if (queue.isPresent()) {
            return queue.get();
        }
        throw invalidAddress(queueUrl);
    }

    /** The general parse, for URLs {@link PlainHttpUrl} does not vouch for. */
    private static Optional<QueueId> parseWithUri(String queueUrl) {
        try {
            URI uri = new URI(queueUrl);
            String scheme = uri.getScheme();
            if (scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getRawAuthority() != null) {
                return fromPath(uri.getRawPath() == null ? "" : uri.getRawPath());
            }
        } catch (URISyntaxException e) {
            // not a URL: names no queue
        }
        return Optional.empty();
    }

    /** The queue named by the last two non-empty segments of a request path, if it has two. */
    public static Optional<QueueId> fromPath(String rawPath) {
        int nameEnd = skipSlashesBack(rawPath, rawPath.length());
        if (nameEnd == 0) {
            return Optional.empty();
        }
        int nameStart = rawPath.lastIndexOf('/', nameEnd - 1) + 1;
        int accountEnd = skipSlashesBack(rawPath, nameStart);
        if (accountEnd == 0) {
            return Optional.empty();
        }
        int accountStart = rawPath.lastIndexOf('/', accountEnd - 1) + 1;
        String account = decode(rawPath.substring(accountStart, accountEnd));
        String name = decode(rawPath.substring(nameStart, nameEnd));
        return Optional.of(new QueueId(account, name));
    }

    /** The index just after the last character before {@code end} that is not a slash (0 when there is none). */
    private static int skipSlashesBack(String path, int end) {
        int i = end;
        while (i > 0 && path.charAt(i - 1) == '/') {
            i--;
        }
        return i;
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
