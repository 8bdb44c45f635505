package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Endpoint.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ListDeadLetterSourceQueues (REFERENCE §2.15): lower-case {@code queueUrls}, paging only with MaxResults. */
class DeadLetterSourceQueuesTest {
    private static final String DLQ_ARN = "arn:aws:sqs:us-east-1:000000000000:dlq";

    @TempDir
    Path dir;

    private Endpoint sqs;
    private String dlq;

    @BeforeEach
    void open() {
        sqs = new Endpoint(dir);
        dlq = sqs.createQueue("dlq");
        String policy = "{\\\"deadLetterTargetArn\\\":\\\"" + DLQ_ARN + "\\\",\\\"maxReceiveCount\\\":\\\"3\\\"}";
        for (String name : new String[] {"src-b", "src-a"}) {
            Reply created = sqs.json(
                    "CreateQueue",
                    "{\"QueueName\":\"" + name + "\",\"Attributes\":{\"RedrivePolicy\":\"" + policy + "\"}}");
            assertThat(created.status()).as(created.text()).isEqualTo(200);
        }
        sqs.createQueue("unrelated");
    }

    @AfterEach
    void close() throws Exception {
        sqs.close();
    }

    @Test
    void listsTheQueuesWhoseRedrivePolicyTargetsTheQueue() {
        assertThat(sqs.json("ListDeadLetterSourceQueues", "{\"QueueUrl\":\"" + dlq + "\"}")
                        .text())
                .isEqualTo("{\"queueUrls\":[\"" + Endpoint.BASE + "/000000000000/src-a\",\"" + Endpoint.BASE
                        + "/000000000000/src-b\"]}");
        assertThat(sqs.query("Action=ListDeadLetterSourceQueues&QueueUrl=" + dlq)
                        .text())
                .contains("<ListDeadLetterSourceQueuesResult><QueueUrl>" + Endpoint.BASE + "/000000000000/src-a"
                        + "</QueueUrl><QueueUrl>" + Endpoint.BASE + "/000000000000/src-b</QueueUrl>"
                        + "</ListDeadLetterSourceQueuesResult>");
    }

    @Test
    void pagesWhenMaxResultsIsGiven() {
        JsonNode first = sqs.json("ListDeadLetterSourceQueues", "{\"QueueUrl\":\"" + dlq + "\",\"MaxResults\":1}")
                .json();
        assertThat(first.get("queueUrls").get(0).asText()).endsWith("/src-a");
        JsonNode second = sqs.json(
                        "ListDeadLetterSourceQueues",
                        "{\"QueueUrl\":\"" + dlq + "\",\"MaxResults\":1,\"NextToken\":\""
                                + first.get("NextToken").asText() + "\"}")
                .json();
        assertThat(second.get("queueUrls").get(0).asText()).endsWith("/src-b");
        assertThat(second.has("NextToken")).isFalse();
        Reply bad = sqs.json("ListDeadLetterSourceQueues", "{\"QueueUrl\":\"" + dlq + "\",\"MaxResults\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText())
                .isEqualTo(
                        "Value 0 for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1"
                                + " and 1000.");
    }

    @Test
    void aQueueWithoutSourcesAnswersAnEmptyRequiredList() {
        String other = sqs.createQueue("lonely");
        assertThat(sqs.json("ListDeadLetterSourceQueues", "{\"QueueUrl\":\"" + other + "\"}")
                        .text())
                .isEqualTo("{\"queueUrls\":[]}");
    }
}
