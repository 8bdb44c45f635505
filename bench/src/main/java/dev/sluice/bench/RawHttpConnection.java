package dev.sluice.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A keep-alive HTTP/1.1 connection over a blocking socket, meant for virtual threads.
 *
 * <p>The load generator sends pre-built request bytes, so that the client spends its share of the two cores on
 * the wire and not on marshalling or signing: the AWS SDK would otherwise be the bottleneck of a raw-throughput
 * measurement. It understands just enough HTTP for SQS replies: a status line, Content-Length or chunked bodies.
 */
final class RawHttpConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buffer = new byte[8 * 1024];
    private int position;
    private int limit;

    private RawHttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawHttpConnection open(InetSocketAddress address, int connectTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, connectTimeoutMillis);
            return new RawHttpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sets how long a read may block before it fails with a SocketTimeoutException; 0 waits forever. */
    void readTimeoutMillis(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    RawHttpResponse exchange(byte[] request) throws IOException {
        send(request);
        return readResponse();
    }

    void send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    RawHttpResponse readResponse() throws IOException {
        int headerEnd = headerEnd();
        String head = new String(buffer, position, headerEnd - position, StandardCharsets.ISO_8859_1);
        position = headerEnd + 4;
        int status = Integer.parseInt(head.substring(9, 12));
        int contentLength = -1;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunkedBody() : take(Math.max(contentLength, 0));
        return new RawHttpResponse(status, body);
    }

    private int headerEnd() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = position + scanned; i + 3 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i;
                }
            }
            scanned = Math.max(0, limit - position - 3);
            fill();
        }
    }

    private byte[] chunkedBody() throws IOException {
        byte[] body = new byte[0];
        while (true) {
            int lineEnd = lineEnd();
            String sizeLine = new String(buffer, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            position = lineEnd + 2;
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                position = lineEnd() + 2;
                return body;
            }
            byte[] chunk = take(size);
            take(2);
            byte[] joined = Arrays.copyOf(body, body.length + size);
            System.arraycopy(chunk, 0, joined, body.length, size);
            body = joined;
        }
    }

    private int lineEnd() throws IOException {
        while (true) {
            for (int i = position; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            fill();
        }
    }

    private byte[] take(int length) throws IOException {
        while (limit - position < length) {
            fill();
        }
        byte[] bytes = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return bytes;
    }

    /** Reads more bytes after those not yet consumed, compacting or growing the buffer as needed. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new EOFException("the server closed the connection");
        }
        limit += read;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
