package dev.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.stream.Collectors;

/** Creates, inspects and deletes the bench's queues over one raw connection. */
final class QueueAdmin implements AutoCloseable {
    private final InetSocketAddress server;
    private final RawHttpConnection connection;

    QueueAdmin(InetSocketAddress server) throws IOException {
        this.server = server;
        this.connection = RawHttpConnection.open(server, 5_000);
        connection.readTimeoutMillis(120_000);
    }

    String createQueue(String name, Map<String, String> attributes) throws IOException {
        String attributeJson = attributes.entrySet().stream()
                .map(e -> JsonRequest.quote(e.getKey()) + ":" + JsonRequest.quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        String json = "{\"QueueName\":" + JsonRequest.quote(name) + ",\"Attributes\":" + attributeJson + "}";
        RawHttpResponse response = call("CreateQueue", json);
        return JsonFields.first(response.text(), "QueueUrl")
                .orElseThrow(() -> new IOException("CreateQueue answered without a QueueUrl: " + response.text()));
    }

    void deleteQueue(String queueUrl) throws IOException {
        call("DeleteQueue", "{\"QueueUrl\":" + JsonRequest.quote(queueUrl) + "}");
    }

    long approximateNumberOfMessages(String queueUrl) throws IOException {
        String json = "{\"QueueUrl\":" + JsonRequest.quote(queueUrl)
                + ",\"AttributeNames\":[\"ApproximateNumberOfMessages\"]}";
        RawHttpResponse response = call("GetQueueAttributes", json);
        return JsonFields.first(response.text(), "ApproximateNumberOfMessages")
                .map(Long::parseLong)
                .orElseThrow(() -> new IOException("no ApproximateNumberOfMessages in " + response.text()));
    }

    /** Sends one pre-built request on the admin connection. */
    RawHttpResponse send(byte[] request) throws IOException {
        return connection.exchange(request);
    }

    private RawHttpResponse call(String action, String json) throws IOException {
        RawHttpResponse response = connection.exchange(JsonRequest.of(server, action, json));
        if (!response.ok()) {
            throw new IOException(action + " failed with HTTP " + response.status() + ": " + response.text());
        }
        return response;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
