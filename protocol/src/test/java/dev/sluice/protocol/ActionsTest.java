package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Endpoint.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members of the actions that the other endpoint tests do not reach: paging, owners, receipts, engine errors. */
class ActionsTest {
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
    void listQueuesPagesWithMaxResultsAndNextToken() {
        for (String name : new String[] {"p-a", "p-b", "p-c", "other"}) {
            sqs.createQueue(name);
        }
        JsonNode first = sqs.json("ListQueues", "{\"QueueNamePrefix\":\"p-\",\"MaxResults\":2}")
                .json();
        assertThat(first.get("QueueUrls")).hasSize(2);
        assertThat(first.get("QueueUrls").get(0).asText()).isEqualTo(Endpoint.BASE + "/000000000000/p-a");
        String token = first.get("NextToken").asText();
        Reply second = sqs.query("Action=ListQueues&QueueNamePrefix=p-&MaxResults=2&NextToken="
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(second.text())
                .contains("<ListQueuesResult><QueueUrl>" + Endpoint.BASE + "/000000000000/p-c</QueueUrl>"
                        + "</ListQueuesResult>");
        assertThat(sqs.json("ListQueues", "{\"QueueNamePrefix\":\"none\"}").text())
                .isEqualTo("{}");
    }

    @Test
    void getQueueUrlLooksInTheNamedOwnersAccount() {
        sqs.createQueue("mine");
        assertThat(sqs.json("GetQueueUrl", "{\"QueueName\":\"mine\",\"QueueOwnerAWSAccountId\":\"000000000000\"}")
                        .status())
                .isEqualTo(200);
        Reply elsewhere =
                sqs.json("GetQueueUrl", "{\"QueueName\":\"mine\",\"QueueOwnerAWSAccountId\":\"111111111111\"}");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("__type").asText()).isEqualTo("com.amazonaws.sqs#QueueDoesNotExist");
    }

    @Test
    void changeMessageVisibilityOverQueryAndAGarbageHandle() {
        String url = sqs.createQueue("vis");
        sqs.query("Action=SendMessage&QueueUrl=" + url + "&MessageBody=m");
        String xml = sqs.query("Action=ReceiveMessage&QueueUrl=" + url + "&AttributeName=All")
                .text();
        assertThat(xml).contains("<Name>ApproximateReceiveCount</Name>").contains("<Name>SentTimestamp</Name>");
        String handle = xml.replaceAll("(?s).*<ReceiptHandle>([^<]*)</ReceiptHandle>.*", "$1");
        Reply changed = sqs.query("Action=ChangeMessageVisibility&QueueUrl=" + url + "&VisibilityTimeout=0"
                + "&ReceiptHandle=" + java.net.URLEncoder.encode(handle, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.text()).doesNotContain("Result");
        assertThat(sqs.query("Action=ReceiveMessage&QueueUrl=" + url).text()).contains("<Body>m</Body>");

        Reply garbage = sqs.json("DeleteMessage", "{\"QueueUrl\":\"" + url + "\",\"ReceiptHandle\":\"garbage\"}");
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(garbage.headers()).containsEntry("x-amzn-query-error", "ReceiptHandleIsInvalid;Sender");
        assertThat(garbage.json().get("message").asText())
                .isEqualTo("The input receipt handle \"garbage\" is not a valid receipt handle.");
    }

    @Test
    void engineValidationErrorsReachTheClientUnchanged() {
        String url = sqs.createQueue("limits");
        Reply tooMany = sqs.json("ReceiveMessage", "{\"QueueUrl\":\"" + url + "\",\"MaxNumberOfMessages\":11}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.headers()).containsEntry("x-amzn-query-error", "InvalidParameterValue;Sender");
        assertThat(tooMany.json().get("message").asText())
                .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10,"
                        + " if provided.");
        Reply emptyBody = sqs.query("Action=SendMessage&QueueUrl=" + url + "&MessageBody=");
        assertThat(emptyBody.text())
                .contains("<Code>MissingParameter</Code><Message>The request must contain the parameter MessageBody."
                        + "</Message>");
        Reply unknownAttribute = sqs.query("Action=GetQueueAttributes&QueueUrl=" + url + "&AttributeName.1=Foobar");
        assertThat(unknownAttribute.text())
                .contains("<Code>InvalidAttributeName</Code><Message>Unknown Attribute Foobar.</Message>");
    }

    @Test
    void sendMessageBatchOverQueryAnswersResultEntries() {
        String url = sqs.createQueue("qbatch");
        Reply reply = sqs.query("Action=SendMessageBatch&QueueUrl=" + url
                + "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one"
                + "&SendMessageBatchRequestEntry.2.Id=a&SendMessageBatchRequestEntry.2.MessageBody=two");
        assertThat(reply.text()).contains("<Code>AWS.SimpleQueueService.BatchEntryIdsNotDistinct</Code>");
        Reply ok = sqs.query("Action=SendMessageBatch&QueueUrl=" + url
                + "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one"
                + "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two"
                + "&SendMessageBatchRequestEntry.2.DelaySeconds=1");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.text())
                .contains("<SendMessageBatchResultEntry><Id>a</Id>")
                .contains("<SendMessageBatchResultEntry><Id>b</Id>")
                .doesNotContain("BatchResultErrorEntry");
    }
}
