package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RawHttpConnectionTest {

    @Test
    void readsContentLengthAndChunkedRepliesOnOneKeepAliveConnection() throws Exception {
        String replies = "HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\n{\"a\":1}"
                + "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"b\"\r\n3\r\n:2}\r\n0\r\n\r\n";
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept();
                        OutputStream out = socket.getOutputStream()) {
                    socket.getInputStream().readNBytes(2);
                    // one byte at a time, so that every parser path meets a partial buffer
                    for (byte b : replies.getBytes(StandardCharsets.ISO_8859_1)) {
                        out.write(b);
                        out.flush();
                    }
                    socket.getInputStream().readAllBytes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (RawHttpConnection connection = RawHttpConnection.open(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 1_000)) {
                connection.readTimeoutMillis(5_000);
                RawHttpResponse first = connection.exchange("x\n".getBytes(StandardCharsets.ISO_8859_1));
                RawHttpResponse second = connection.readResponse();

                assertThat(first.status()).isEqualTo(200);
                assertThat(first.text()).isEqualTo("{\"a\":1}");
                assertThat(second.status()).isEqualTo(400);
                assertThat(second.text()).isEqualTo("{\"b\":2}");
            }
            serving.join();
        }
    }
}
