package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Endpoint.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated and random requests in both protocols never crash the endpoint: each gets an answer, a client error or a
 * success, never an InternalError. Seeded, so a failure reproduces.
 */
class MalformedInputFuzzTest {
    private static final int ROUNDS = 800;
    private static final String ALPHABET = "%.=&+0123456789AaZz_-{}[]\":,\\ \r\n\u00e9\u0000";

    @TempDir
    Path dir;

    private Endpoint sqs;
    private String url;

    @BeforeEach
    void open() {
        sqs = new Endpoint(dir);
        url = sqs.createQueue("fuzz");
    }

    @AfterEach
    void close() throws Exception {
        sqs.close();
    }

    @Test
    void mutatedJsonRequestsNeverCauseAnInternalError() {
        Random random = new Random(42);
        List<String> seeds = List.of(
                "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"x\",\"DelaySeconds\":0,\"MessageAttributes\":"
                        + "{\"a\":{\"DataType\":\"Binary\",\"BinaryValue\":\"AAE=\"}}}",
                "{\"QueueUrl\":\"" + url + "\",\"Entries\":[{\"Id\":\"a\",\"MessageBody\":\"x\"}]}",
                "{\"QueueUrl\":\"" + url + "\",\"AttributeNames\":[\"All\"],\"MaxNumberOfMessages\":10}");
        List<String> actions = List.of("SendMessage", "SendMessageBatch", "ReceiveMessage", "GetQueueAttributes");
        for (int i = 0; i < ROUNDS; i++) {
            String body = mutate(random, seeds.get(random.nextInt(seeds.size())));
            String action = actions.get(random.nextInt(actions.size()));
            assertAnswered(sqs.json(action, body), body);
        }
    }

    @Test
    void mutatedQueryRequestsNeverCauseAnInternalError() {
        Random random = new Random(7);
        String seed = "Action=SendMessageBatch&QueueUrl=" + url + "&SendMessageBatchRequestEntry.1.Id=a"
                + "&SendMessageBatchRequestEntry.1.MessageBody=x%20y&SendMessageBatchRequestEntry.1.MessageAttribute.1"
                + ".Name=n&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType=Binary"
                + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.BinaryValue=AAE%3D&AttributeName.1=All";
        for (int i = 0; i < ROUNDS; i++) {
            String form = mutate(random, seed);
            assertAnswered(sqs.query(form), form);
        }
    }

    @Test
    void randomBytesNeverCauseAnInternalError() {
        Random random = new Random(99);
        for (int i = 0; i < ROUNDS / 3; i++) {
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            Reply json = sqs.handle(Endpoint.request(
                    "POST",
                    "/",
                    "",
                    Endpoint.headers(
                            "application/x-amz-json-1.0", Map.of("X-Amz-Target", "AmazonSQS.SendMessage"), Map.of()),
                    body));
            assertAnswered(json, "random JSON bytes");
            byte[] form = ("Action=SendMessage&QueueUrl=" + url + "&MessageBody=").getBytes(StandardCharsets.UTF_8);
            byte[] all = java.util.Arrays.copyOf(form, form.length + body.length);
            System.arraycopy(body, 0, all, form.length, body.length);
            assertAnswered(
                    sqs.handle(Endpoint.request(
                            "POST",
                            "/",
                            "",
                            Endpoint.headers("application/x-www-form-urlencoded", Map.of(), Map.of()),
                            all)),
                    "random form bytes");
        }
    }

    private static void assertAnswered(Reply reply, String input) {
        assertThat(reply.status()).as(input + " -> " + reply.text()).isIn(200, 400, 403, 404);
        assertThat(reply.headers()).containsKey("x-amzn-RequestId");
        assertThat(reply.text()).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    private static String mutate(Random random, String seed) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !text.isEmpty(); e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }
}
