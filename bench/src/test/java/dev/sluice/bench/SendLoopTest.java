package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SendLoopTest {
    private static final byte[] REQUEST =
            "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void countsEveryCompleteReplyAndTellsOkFromErrors() throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            List<Thread> handlers = new ArrayList<>();
            Thread acceptor = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 3; i++) {
                    try {
                        Socket socket = server.accept();
                        handlers.add(Thread.ofPlatform().start(() -> serve(socket, ok, failed)));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            long now = System.nanoTime();

            SendLoop.Result result = new SendLoop(address, REQUEST, 3).run(now, now + 300_000_000L);

            acceptor.join();
            for (Thread handler : handlers) {
                handler.join(5_000);
            }
            assertThat(result.failures()).isEmpty();
            assertThat(result.errors()).isEqualTo(failed.get()).isPositive();
            // every 200 the server wrote completed inside the window, except at most the last one per connection
            assertThat(result.latencies().count()).isPositive().isBetween(ok.get() - 3, ok.get());
        }
    }

    /** Answers each request in pieces (so the loop meets partial replies), every third one with a 500. */
    private static void serve(Socket socket, AtomicInteger ok, AtomicInteger failed) {
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            for (int n = 1; ; n++) {
                if (in.readNBytes(REQUEST.length).length < REQUEST.length) {
                    return;
                }
                boolean error = n % 3 == 0;
                String body = error ? "{\"__type\":\"x\"}" : "{\"MessageId\":\"m\"}";
                String reply = (error ? "HTTP/1.1 500 Internal Server Error" : "HTTP/1.1 200 OK")
                        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
                byte[] bytes = reply.getBytes(StandardCharsets.ISO_8859_1);
                int half = bytes.length / 2;
                out.write(bytes, 0, half);
                out.flush();
                out.write(bytes, half, bytes.length - half);
                out.flush();
                (error ? failed : ok).incrementAndGet();
            }
        } catch (Exception e) {
            // the loop closed the connection at the end of its window
        }
    }
}
