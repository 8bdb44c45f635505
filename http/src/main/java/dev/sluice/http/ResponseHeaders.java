package dev.sluice.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.util.AsciiString;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts an endpoint's response headers into Netty's form. The names and values the endpoints send on every answer are
 * ready-made {@link AsciiString}s: they need no validation, their case-insensitive hash is computed once, and the
 * encoder copies their bytes instead of encoding characters. Every other name and value is validated here exactly as
 * Netty's default validation would (the same checks, so a header that could split the response still fails and
 * becomes a 500), which is why the header map itself is created without validation.
 */
final class ResponseHeaders {
    private static final HttpHeadersFactory UNVALIDATED =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final Map<String, AsciiString> NAMES =
            ascii("x-amzn-RequestId", "Date", "Content-Type", "x-amzn-query-error", "Cache-Control");
    private static final Map<String, AsciiString> VALUES = ascii(
            "application/x-amz-json-1.0", "text/xml", "text/plain; charset=utf-8", "application/json", "no-store");

    private ResponseHeaders() {}

    private static Map<String, AsciiString> ascii(String... texts) {
        Map<String, AsciiString> map = new HashMap<>();
        for (String text : texts) {
            map.put(text, AsciiString.cached(text));
        }
        return Map.copyOf(map);
    }

    /**
     * A new Netty header map holding {@code headers}.
     *
     * @throws IllegalArgumentException when a name is not an HTTP token or a value holds a character HTTP forbids
     */
    static HttpHeaders of(Map<String, String> headers) {
        HttpHeaders netty = UNVALIDATED.newHeaders();
        headers.forEach((name, value) -> netty.set(name(name), value(value)));
        return netty;
    }

    private static CharSequence name(String name) {
        AsciiString known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty headers are not allowed [" + name + "]");
        }
        int index = HttpHeaderValidationUtil.validateToken(name);
        if (index != -1) {
            throw new IllegalArgumentException("a header name can only contain \"token\" characters, but found invalid"
                    + " character 0x" + Integer.toHexString(name.charAt(index)) + " at index " + index + " of header '"
                    + name + "'.");
        }
        return name;
    }

    private static CharSequence value(String value) {
        AsciiString known = VALUES.get(value);
        if (known != null) {
            return known;
        }
        int index = HttpHeaderValidationUtil.validateValidHeaderValue(value);
        if (index != -1) {
            throw new IllegalArgumentException("a header value contains prohibited character 0x"
                    + Integer.toHexString(value.charAt(index)) + " at index " + index + ".");
        }
        return value;
    }
}
