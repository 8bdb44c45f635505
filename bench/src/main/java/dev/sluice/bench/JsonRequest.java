package dev.sluice.bench;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Builds the bytes of one SQS request in the AWS JSON 1.0 protocol, as an SDK would put them on the wire.
 *
 * <p>The Authorization header has the SigV4 shape but a dummy signature: neither server under test checks
 * signatures by default, and the request is built once and sent many times.
 */
final class JsonRequest {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/sqs/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                    + "Signature=0000000000000000000000000000000000000000000000000000000000000000";

    private JsonRequest() {}

    static byte[] of(InetSocketAddress server, String action, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: AmazonSQS." + action + "\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\n"
                + "Authorization: " + AUTHORIZATION + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    static byte[] get(InetSocketAddress server, String path) {
        String head =
                "GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort() + "\r\n\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A JSON string literal; the bench only quotes URLs, names and ASCII bodies, so escaping is minimal. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String sendMessage(String queueUrl, String body) {
        return "{\"QueueUrl\":" + quote(queueUrl) + ",\"MessageBody\":" + quote(body) + "}";
    }

    static String sendMessageBatch(String queueUrl, String body, int entries) {
        StringBuilder json =
                new StringBuilder("{\"QueueUrl\":").append(quote(queueUrl)).append(",\"Entries\":[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"Id\":\"m")
                    .append(i)
                    .append("\",\"MessageBody\":")
                    .append(quote(body))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    static String receiveMessage(String queueUrl, int maxMessages, int waitTimeSeconds) {
        return "{\"QueueUrl\":" + quote(queueUrl) + ",\"MaxNumberOfMessages\":" + maxMessages + ",\"WaitTimeSeconds\":"
                + waitTimeSeconds + "}";
    }
}
