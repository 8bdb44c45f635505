package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Endpoint.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQS actions over AWS JSON 1.0, end to end through a real engine and log store. */
class JsonEndpointTest {
    @TempDir
    Path dir;

    private Endpoint sqs;

    @BeforeEach
    void open() {
        sqs = new Endpoint(dir);
    }

    @AfterEach
    void close() throws Exception {
        sqs.close();
    }

    @Test
    void createQueueAnswersAUrlOnTheRequestHostAndEveryAnswerHasRequestIdAndDate() {
        Reply reply = sqs.json(
                "CreateQueue",
                "{\"QueueName\":\"orders\",\"Attributes\":{\"DelaySeconds\":\"0\"}," + "\"tags\":{\"team\":\"core\"}}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("{\"QueueUrl\":\"http://localhost:9324/000000000000/orders\"}");
        assertThat(reply.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0");
        assertThat(UUID.fromString(reply.headers().get("x-amzn-RequestId"))).isNotNull();
        assertThat(reply.headers().get("Date")).endsWith(" GMT");
        assertThat(sqs.json("GetQueueUrl", "{\"QueueName\":\"orders\"}").text())
                .isEqualTo("{\"QueueUrl\":\"http://localhost:9324/000000000000/orders\"}");
        assertThat(sqs.json("ListQueues", "{}").text())
                .isEqualTo("{\"QueueUrls\":[\"http://localhost:9324/000000000000/orders\"]}");
        assertThat(sqs.json("ListQueueTags", "{\"QueueUrl\":\"" + Endpoint.BASE + "/000000000000/orders\"}")
                        .text())
                .isEqualTo("{\"Tags\":{\"team\":\"core\"}}");
    }

    @Test
    void sendReceiveDeleteRoundTripWithAttributes() {
        String url = sqs.createQueue("q1");
        Reply sent = sqs.json(
                "SendMessage",
                "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"{\\\"order\\\":42}\",\"MessageAttributes\":{"
                        + "\"blob\":{\"BinaryValue\":\"AAEC/w==\",\"DataType\":\"Binary\"},"
                        + "\"trace-id\":{\"StringValue\":\"abc-123\",\"DataType\":\"String\"},"
                        + "\"Priority\":{\"StringValue\":\"5\",\"DataType\":\"Number.int\"}},"
                        + "\"MessageSystemAttributes\":{\"AWSTraceHeader\":{\"StringValue\":"
                        + "\"Root=1-65a1b2c3-0123456789abcdef01234567;Sampled=1\",\"DataType\":\"String\"}}}");
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        JsonNode sentJson = sent.json();
        // REFERENCE §1.3 / §5.3: the digests of this exact message
        assertThat(sentJson.get("MD5OfMessageBody").asText()).isEqualTo("0d15cd31971ecd0d554a062cddbab844");
        assertThat(sentJson.get("MD5OfMessageAttributes").asText()).isEqualTo("3c24df738f73cdb53937453806beb8c7");
        assertThat(sentJson.get("MD5OfMessageSystemAttributes").asText()).isEqualTo("c96c3f11f20eef7fa8a72059cfb17958");

        Reply received = sqs.json(
                "ReceiveMessage",
                "{\"QueueUrl\":\"" + url + "\",\"MessageAttributeNames\":[\"All\"],"
                        + "\"MessageSystemAttributeNames\":[\"ApproximateReceiveCount\"],\"AttributeNames\":[\"SenderId\"]}");
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        JsonNode message = received.json().get("Messages").get(0);
        assertThat(message.get("MessageId").asText())
                .isEqualTo(sentJson.get("MessageId").asText());
        assertThat(message.get("Body").asText()).isEqualTo("{\"order\":42}");
        assertThat(message.get("MD5OfMessageAttributes").asText()).isEqualTo("3c24df738f73cdb53937453806beb8c7");
        assertThat(message.get("MessageAttributes")
                        .get("blob")
                        .get("BinaryValue")
                        .asText())
                .isEqualTo("AAEC/w==");
        assertThat(message.get("Attributes").get("ApproximateReceiveCount").asText())
                .isEqualTo("1");
        assertThat(message.get("Attributes").has("SenderId")).isTrue();

        Reply deleted = sqs.json(
                "DeleteMessage",
                "{\"QueueUrl\":\"" + url + "\",\"ReceiptHandle\":\""
                        + message.get("ReceiptHandle").asText() + "\"}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text()).isEqualTo("{}");
        assertThat(sqs.json("ReceiveMessage", "{\"QueueUrl\":\"" + url + "\"}").text())
                .isEqualTo("{}");
    }

    @Test
    void theTraceHeaderBecomesAwsTraceHeaderWhenTheMessageHasNone() {
        String url = sqs.createQueue("traced");
        Reply sent = sqs.handle(Endpoint.jsonRequest(
                "SendMessage",
                "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"x\"}",
                Map.of("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")));
        assertThat(sent.json().has("MD5OfMessageSystemAttributes")).isTrue();
        JsonNode message = sqs.json(
                        "ReceiveMessage",
                        "{\"QueueUrl\":\"" + url + "\",\"MessageSystemAttributeNames\":[\"AWSTraceHeader\"]}")
                .json()
                .get("Messages")
                .get(0);
        assertThat(message.get("Attributes").get("AWSTraceHeader").asText())
                .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    }

    @Test
    void anExplicitAwsTraceHeaderWinsOverTheRequestHeader() {
        String url = sqs.createQueue("traced-explicit");
        sqs.handle(Endpoint.jsonRequest(
                "SendMessageBatch",
                "{\"QueueUrl\":\"" + url + "\",\"Entries\":[{\"Id\":\"a\",\"MessageBody\":\"x\","
                        + "\"MessageSystemAttributes\":{\"AWSTraceHeader\":{\"DataType\":\"String\","
                        + "\"StringValue\":\"Root=1-00000000-000000000000000000000001\"}}}]}",
                Map.of("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")));
        JsonNode message = sqs.json(
                        "ReceiveMessage",
                        "{\"QueueUrl\":\"" + url + "\",\"MessageSystemAttributeNames\":[\"AWSTraceHeader\"]}")
                .json()
                .get("Messages")
                .get(0);
        assertThat(message.get("Attributes").get("AWSTraceHeader").asText())
                .isEqualTo("Root=1-00000000-000000000000000000000001");
    }

    @Test
    void batchesReportSuccessfulAndFailedEntries() {
        String url = sqs.createQueue("batch");
        Reply sent = sqs.json(
                "SendMessageBatch",
                "{\"QueueUrl\":\"" + url + "\",\"Entries\":[{\"Id\":\"a\",\"MessageBody\":\"one\"},"
                        + "{\"Id\":\"b\",\"MessageBody\":\"bad\\u0001\"}]}");
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().get("Successful")).hasSize(1);
        assertThat(sent.json().get("Successful").get(0).get("Id").asText()).isEqualTo("a");
        JsonNode failed = sent.json().get("Failed").get(0);
        assertThat(failed.get("Id").asText()).isEqualTo("b");
        assertThat(failed.get("SenderFault").asBoolean()).isTrue();
        assertThat(failed.get("Code").asText()).isEqualTo("InvalidMessageContents");

        JsonNode message = sqs.json("ReceiveMessage", "{\"QueueUrl\":\"" + url + "\"}")
                .json()
                .get("Messages")
                .get(0);
        String handle = message.get("ReceiptHandle").asText();
        Reply visibility = sqs.json(
                "ChangeMessageVisibilityBatch",
                "{\"QueueUrl\":\"" + url + "\",\"Entries\":[{\"Id\":\"v\",\"ReceiptHandle\":\"" + handle
                        + "\",\"VisibilityTimeout\":30}]}");
        assertThat(visibility.text()).isEqualTo("{\"Successful\":[{\"Id\":\"v\"}]}");
        Reply deleted = sqs.json(
                "DeleteMessageBatch",
                "{\"QueueUrl\":\"" + url + "\",\"Entries\":[{\"Id\":\"d\",\"ReceiptHandle\":\"" + handle + "\"}]}");
        assertThat(deleted.text()).isEqualTo("{\"Successful\":[{\"Id\":\"d\"}]}");
    }

    @Test
    void queueAttributesTagsPurgeAndDelete() {
        String url = sqs.createQueue("attrs");
        String queue = "\"QueueUrl\":\"" + url + "\"";
        assertThat(sqs.json("SetQueueAttributes", "{" + queue + ",\"Attributes\":{\"DelaySeconds\":\"7\"}}")
                        .text())
                .isEqualTo("{}");
        assertThat(sqs.json("GetQueueAttributes", "{" + queue + ",\"AttributeNames\":[\"DelaySeconds\",\"QueueArn\"]}")
                        .text())
                .isEqualTo(
                        "{\"Attributes\":{\"DelaySeconds\":\"7\",\"QueueArn\":\"arn:aws:sqs:us-east-1:000000000000:attrs\"}}");
        assertThat(sqs.json("TagQueue", "{" + queue + ",\"Tags\":{\"a\":\"1\",\"b\":\"\"}}")
                        .text())
                .isEqualTo("{}");
        assertThat(sqs.json("UntagQueue", "{" + queue + ",\"TagKeys\":[\"a\"]}").text())
                .isEqualTo("{}");
        assertThat(sqs.json("ListQueueTags", "{" + queue + "}").text()).isEqualTo("{\"Tags\":{\"b\":\"\"}}");
        assertThat(sqs.json("PurgeQueue", "{" + queue + "}").text()).isEqualTo("{}");
        assertThat(sqs.json("DeleteQueue", "{" + queue + "}").text()).isEqualTo("{}");
        Reply gone = sqs.json("GetQueueAttributes", "{" + queue + "}");
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.headers())
                .containsEntry("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender");
        assertThat(gone.text())
                .isEqualTo("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\","
                        + "\"message\":\"The specified queue does not exist.\"}");
    }

    @Test
    void aSendIsEncodedOnTheContinuationAfterTheCommitWhileOtherActionsAnswerAtOnce() throws Exception {
        String url = sqs.createQueue("q-async");
        AtomicInteger continued = new AtomicInteger();
        Executor continuation = task -> {
            continued.incrementAndGet();
            task.run();
        };

        // The commit takes a force, the check for an answer a few instructions: a send that had completed already
        // would be encoded inline, so of 20 sends at least one (in practice all) goes through the continuation.
        for (int i = 0; i < 20; i++) {
            HttpResponse sent = sqs.endpoint()
                    .handle(
                            Endpoint.jsonRequest(
                                    "SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"hi\"}", Map.of()),
                            continuation)
                    .get(10, TimeUnit.SECONDS);
            assertThat(sent.status()).isEqualTo(200);
            assertThat(new String(sent.body(), StandardCharsets.UTF_8))
                    .contains("\"MD5OfMessageBody\":\"49f68a5c8493ec2c0bf489821c21fc3b\"");
        }
        int afterSends = continued.get();
        CompletableFuture<HttpResponse> listed =
                sqs.endpoint().handle(Endpoint.jsonRequest("ListQueues", "{}", Map.of()), continuation);

        assertThat(afterSends).as("sends encoded on the continuation").isBetween(1, 20);
        assertThat(listed).isCompleted();
        assertThat(continued).as("ListQueues answered without it").hasValue(afterSends);
    }

    @Test
    void aSendWithAnInvalidBodyFailsAtOnceWithoutTheContinuation() {
        String url = sqs.createQueue("q-async-bad");
        Executor never = task -> {
            throw new AssertionError("no continuation for a send that never reached the store");
        };

        CompletableFuture<HttpResponse> answer = sqs.endpoint()
                .handle(
                        Endpoint.jsonRequest(
                                "SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"\"}", Map.of()),
                        never);

        assertThat(answer).isCompleted();
        HttpResponse reply = answer.join();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                .contains("The request must contain the parameter MessageBody.");
    }
}
