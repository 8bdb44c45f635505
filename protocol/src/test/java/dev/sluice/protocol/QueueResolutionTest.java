package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Endpoint.Reply;
import dev.sluice.protocol.action.Actions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a request finds its queue and which URLs it is handed (REFERENCE §1.4). */
class QueueResolutionTest {
    @TempDir
    Path dir;

    private Endpoint sqs;

    @BeforeEach
    void open() {
        sqs = new Endpoint(dir);
        sqs.createQueue("q1");
        sqs.createQueue("q2");
    }

    @AfterEach
    void close() throws Exception {
        sqs.close();
    }

    @Test
    void theRequestPathNamesTheQueueWhenNoQueueUrlIsSent() {
        Reply sent = sqs.query("/000000000000/q1", "Action=SendMessage&MessageBody=via-path");
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sqs.query("Action=ReceiveMessage&QueueUrl=http://localhost:9324/000000000000/q1")
                        .text())
                .contains("<Body>via-path</Body>");
    }

    @Test
    void aQueueUrlParameterWinsOverThePath() {
        sqs.query(
                "/000000000000/q1",
                "Action=SendMessage&QueueUrl=http://localhost:9324/000000000000/q2" + "&MessageBody=to-q2");
        assertThat(sqs.query("Action=ReceiveMessage&QueueUrl=http://localhost:9324/000000000000/q2")
                        .text())
                .contains("<Body>to-q2</Body>");
    }

    @Test
    void theHostOfAQueueUrlIsNeverCompared() {
        Reply sent = sqs.json(
                "SendMessage",
                "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/000000000000/q1\",\"MessageBody\":\"x\"}");
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        Reply viaPrefix = sqs.json(
                "SendMessage", "{\"QueueUrl\":\"http://proxy:80/sqs/000000000000/q1/\",\"MessageBody\":\"y\"}");
        assertThat(viaPrefix.status()).as(viaPrefix.text()).isEqualTo(200);
    }

    @Test
    void aJsonRequestMayAlsoBeSentToTheQueueUrl() {
        Reply sent = sqs.handle(Endpoint.request(
                "POST",
                "/000000000000/q1",
                "",
                Endpoint.headers(
                        "application/x-amz-json-1.0", Map.of("X-Amz-Target", "AmazonSQS.SendMessage"), Map.of()),
                "{\"MessageBody\":\"json-path\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
    }

    @Test
    void aQueueUrlThatIsNotAQueueAddressIsInvalidAddress() {
        for (String url : List.of("https://sqs.eu-south-1.amazonaws.com/", "not a url", "q1", "ftp://h/0/q1")) {
            Reply reply = sqs.json("SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"x\"}");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.headers()).containsEntry("x-amzn-query-error", "InvalidAddress;Sender");
            assertThat(reply.json().get("message").asText())
                    .isEqualTo("The address " + url + " is not valid for this endpoint.");
        }
    }

    @Test
    void queueLessActionsSentToAQueuePathAreInvalidAction() {
        Reply create = sqs.query("/000000000000/q1", "Action=CreateQueue&QueueName=other");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.text())
                .contains("<Code>InvalidAction</Code><Message>The action CreateQueue is not valid for this endpoint."
                        + "</Message>");
        assertThat(sqs.query("/000000000000/q1", "Action=ListQueues").text()).contains("<Code>InvalidAction</Code>");
        // GetQueueUrl sent to one queue's path may name any other queue
        assertThat(sqs.query("/000000000000/q1", "Action=GetQueueUrl&QueueName=q2")
                        .text())
                .contains("<QueueUrl>http://localhost:9324/000000000000/q2</QueueUrl>");
    }

    @Test
    void aBareGetOfAQueueUrlIsAnUnknownOperation() {
        Reply reply = sqs.get("/000000000000/q1", "");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).isEqualTo("<UnknownOperationException/>");
        assertThat(reply.headers()).containsKey("x-amzn-RequestId");
    }

    @Test
    void urlsUseTheAdvertisedBaseOrTheSchemeOfTheRequest() throws Exception {
        try (Endpoint advertised = new Endpoint(dir.resolve("adv"), "http://sqs.example:9999/", Actions.standard())) {
            assertThat(advertised.createQueue("a")).isEqualTo("http://sqs.example:9999/000000000000/a");
        }
        Reply secure = sqs.handle(new HttpRequestView(
                "POST",
                "/",
                "",
                Endpoint.headers(
                        "application/x-amz-json-1.0", Map.of("X-Amz-Target", "AmazonSQS.GetQueueUrl"), Map.of()),
                "{\"QueueName\":\"q1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                true,
                "127.0.0.1"));
        assertThat(secure.json().get("QueueUrl").asText()).isEqualTo("https://localhost:9324/000000000000/q1");
    }
}
