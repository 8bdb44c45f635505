package dev.sluice.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client on a plain socket, so a test controls every byte it sends (invalid UTF-8, wrong
 * lengths, huge bodies) and sees every byte of the answer. Each request uses its own connection
 * ({@code Connection: close}).
 */
final class RawHttp {
    private static final int TIMEOUT_MS = 10_000;

    private final URI endpoint;

    RawHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** An AWS JSON 1.0 request for {@code AmazonSQS.<action>} to {@code /}. */
    RawResponse json(String action, String body) {
        return json("/", action, body.getBytes(StandardCharsets.UTF_8));
    }

    RawResponse json(String path, String action, byte[] body) {
        return send(
                "POST",
                path,
                Map.of("Content-Type", "application/x-amz-json-1.0", "X-Amz-Target", "AmazonSQS." + action),
                body);
    }

    /** An AWS Query form POST (the form must already be percent-encoded). */
    RawResponse query(String path, String form) {
        return query(path, form.getBytes(StandardCharsets.US_ASCII));
    }

    RawResponse query(String path, byte[] form) {
        return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form);
    }

    RawResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, Map.of(), new byte[0]);
    }

    RawResponse send(String method, String path, Map<String, String> headers, byte[] body) {
        var head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        if (!headers.containsKey("Host")) {
            head.append("Host: ")
                    .append(endpoint.getHost())
                    .append(':')
                    .append(endpoint.getPort())
                    .append("\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the server may answer (e.g. 413) and close before it read the whole body: read its answer anyway
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("no HTTP answer to " + method + " " + path + ": " + e, e);
        }
    }

    private static RawResponse read(InputStream in) throws IOException {
        var all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("incomplete HTTP answer: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        var lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            body = java.util.Arrays.copyOf(body, Math.min(length, body.length));
        }
        return new RawResponse(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, pos, chunked.length), new byte[] {'\r', '\n'});
            var sizeText = new String(chunked, pos, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            pos += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, pos, size);
            pos += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
