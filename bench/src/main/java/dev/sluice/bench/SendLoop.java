package dev.sluice.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives many keep-alive connections from one platform thread with a selector: each connection writes the same
 * pre-built request, reads the reply, and writes the request again.
 *
 * <p>Why not a thread (or virtual thread) per connection: the load generator shares the two cores with the server
 * under test, and a blocking socket per virtual thread costs a park, an unpark and a poller hand-off per request,
 * about 20 us of CPU each, a quarter of the machine at 25k requests/s. The faster server then loses more to the
 * load generator than the slower one, which squeezes the ratio this benchmark reports. One selector thread costs a
 * write and a read system call per request and nothing else.
 *
 * <p>It parses just enough of a reply: the status code, and Content-Length (SQS replies are never chunked; a
 * chunked reply fails the connection loudly rather than being miscounted).
 */
final class SendLoop {
    private final InetSocketAddress address;
    private final byte[] request;
    private final int connections;

    SendLoop(InetSocketAddress address, byte[] request, int connections) {
        this.address = address;
        this.request = request;
        this.connections = connections;
    }

    /** What one run counted: replies inside the window with their latencies, and non-200 replies. */
    record Result(Latencies latencies, long errors, List<String> failures) {}

    /** Sends until {@code measureTo} (System.nanoTime), recording replies that complete in [measureFrom, measureTo). */
    Result run(long measureFrom, long measureTo) throws IOException {
        Latencies latencies = new Latencies();
        List<String> failures = new ArrayList<>();
        long errors = 0;
        try (Selector selector = Selector.open()) {
            List<Connection> open = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    SocketChannel channel = SocketChannel.open(address);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                    Connection connection = new Connection(channel);
                    connection.key = channel.register(selector, 0, connection);
                    open.add(connection);
                }
                for (Connection connection : open) {
                    connection.startRequest(System.nanoTime());
                }
                while (!open.isEmpty()) {
                    long now = System.nanoTime();
                    if (now >= measureTo + 30_000_000_000L) {
                        failures.add(open.size() + " connections still waiting 30 s after the end");
                        break;
                    }
                    selector.select(1_000);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection connection = (Connection) key.attachment();
                        try {
                            int status = connection.onReady();
                            if (status == 0) {
                                continue; // reply not complete yet
                            }
                            long end = System.nanoTime();
                            if (status != 200) {
                                errors++;
                            } else if (end >= measureFrom && end < measureTo) {
                                latencies.record(end - connection.started);
                            }
                            if (end < measureTo) {
                                connection.startRequest(end);
                            } else {
                                connection.close();
                                open.remove(connection);
                            }
                        } catch (IOException | RuntimeException e) {
                            failures.add("a connection failed: " + e);
                            connection.close();
                            open.remove(connection);
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } finally {
                for (Connection connection : open) {
                    connection.close();
                }
            }
        }
        return new Result(latencies, errors, failures);
    }

    private final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer out = ByteBuffer.wrap(request);
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private SelectionKey key;
        private long started;
        private int headerEnd = -1;
        private int status;
        private int contentLength;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void startRequest(long now) throws IOException {
            started = now;
            out.clear();
            in.clear();
            headerEnd = -1;
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Progress on a ready channel: the reply's status once it is complete, 0 until then. */
        int onReady() throws IOException {
            if (out.hasRemaining()) {
                channel.write(out);
                if (out.hasRemaining()) {
                    return 0;
                }
                key.interestOps(SelectionKey.OP_READ);
            }
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            if (channel.read(in) < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (headerEnd < 0 && !parseHead()) {
                return 0;
            }
            return in.position() >= headerEnd + contentLength ? status : 0;
        }

        /** True once the head is complete; sets the status, where the body starts, and its length. */
        private boolean parseHead() {
            byte[] bytes = in.array();
            int limit = in.position();
            for (int i = 0; i + 3 < limit; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    String head = new String(bytes, 0, i, StandardCharsets.ISO_8859_1);
                    status = Integer.parseInt(head.substring(9, 12));
                    contentLength = contentLength(head);
                    headerEnd = i + 4;
                    return true;
                }
            }
            return false;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Transfer-Encoding")) {
                    throw new IllegalStateException("chunked replies are not expected from SendMessage");
                }
            }
            return 0;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after the run: nothing to do
            }
        }
    }
}
