package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.HttpResponse;
import dev.sluice.protocol.model.Operation;
import dev.sluice.protocol.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query (XML) answers: element names and flattening of the Query model, escaping (REFERENCE §1.3, §6.1). */
class XmlOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = " xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"";
    private static final String METADATA = "<ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata>";

    private static String xml(String action, String outputJson) throws Exception {
        Operation operation = ServiceModel.sqs().operation(action).orElseThrow();
        ObjectNode output = (ObjectNode) JSON.readTree(outputJson);
        HttpResponse response =
                QueryProtocol.INSTANCE.success(operation, output, "rid", Map.of("x-amzn-RequestId", "rid"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsEntry("Content-Type", "text/xml")
                .containsEntry("x-amzn-RequestId", "rid");
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void sendMessageResultHasItsMembersInModelOrder() throws Exception {
        assertThat(xml(
                        "SendMessage",
                        "{\"MessageId\":\"m1\",\"MD5OfMessageBody\":\"b\",\"MD5OfMessageAttributes\":\"a\"}"))
                .isEqualTo("<?xml version=\"1.0\"?><SendMessageResponse" + NS + "><SendMessageResult>"
                        + "<MD5OfMessageBody>b</MD5OfMessageBody><MD5OfMessageAttributes>a</MD5OfMessageAttributes>"
                        + "<MessageId>m1</MessageId></SendMessageResult>" + METADATA + "</SendMessageResponse>");
    }

    @Test
    void receivedMessagesRepeatMessageWithFlattenedAttributesAndEscapedBody() throws Exception {
        String body = xml(
                "ReceiveMessage",
                "{\"Messages\":[{\"MessageId\":\"m\",\"ReceiptHandle\":\"h\",\"MD5OfBody\":\"d\","
                        + "\"Body\":\"<a href=\\\"x\\\">&amp;\\r\\n'</a>\","
                        + "\"Attributes\":{\"SentTimestamp\":\"17\"},\"MD5OfMessageAttributes\":\"ma\","
                        + "\"MessageAttributes\":{\"Priority\":{\"StringValue\":\"5\",\"DataType\":\"Number.int\"},"
                        + "\"blob\":{\"BinaryValue\":\"AAEC/w==\",\"DataType\":\"Binary\"}}}]}");
        assertThat(body)
                .isEqualTo("<?xml version=\"1.0\"?><ReceiveMessageResponse" + NS + "><ReceiveMessageResult><Message>"
                        + "<MessageId>m</MessageId><ReceiptHandle>h</ReceiptHandle><MD5OfBody>d</MD5OfBody>"
                        + "<Body>&lt;a href=&quot;x&quot;&gt;&amp;amp;&#xD;\n'&lt;/a&gt;</Body>"
                        + "<Attribute><Name>SentTimestamp</Name><Value>17</Value></Attribute>"
                        + "<MD5OfMessageAttributes>ma</MD5OfMessageAttributes>"
                        + "<MessageAttribute><Name>Priority</Name><Value><StringValue>5</StringValue>"
                        + "<DataType>Number.int</DataType></Value></MessageAttribute>"
                        + "<MessageAttribute><Name>blob</Name><Value><BinaryValue>AAEC/w==</BinaryValue>"
                        + "<DataType>Binary</DataType></Value></MessageAttribute>"
                        + "</Message></ReceiveMessageResult>" + METADATA + "</ReceiveMessageResponse>");
    }

    @Test
    void anEmptyReceiveAnswersAnEmptyResultElement() throws Exception {
        assertThat(xml("ReceiveMessage", "{\"Messages\":[]}"))
                .isEqualTo("<?xml version=\"1.0\"?><ReceiveMessageResponse" + NS + "><ReceiveMessageResult/>" + METADATA
                        + "</ReceiveMessageResponse>");
    }

    @Test
    void actionsWithoutOutputAnswerOnlyResponseMetadata() throws Exception {
        assertThat(xml("DeleteMessage", "{}"))
                .isEqualTo("<?xml version=\"1.0\"?><DeleteMessageResponse" + NS + ">" + METADATA
                        + "</DeleteMessageResponse>");
    }

    @Test
    void queueAttributesQueueUrlsAndTagsUseTheirQueryElementNames() throws Exception {
        assertThat(xml("GetQueueAttributes", "{\"Attributes\":{\"DelaySeconds\":\"0\",\"QueueArn\":\"arn\"}}"))
                .contains("<GetQueueAttributesResult><Attribute><Name>DelaySeconds</Name><Value>0</Value></Attribute>"
                        + "<Attribute><Name>QueueArn</Name><Value>arn</Value></Attribute></GetQueueAttributesResult>");
        assertThat(xml("ListQueues", "{\"QueueUrls\":[\"http://h/1/a\",\"http://h/1/b\"],\"NextToken\":\"t\"}"))
                .contains("<ListQueuesResult><QueueUrl>http://h/1/a</QueueUrl><QueueUrl>http://h/1/b</QueueUrl>"
                        + "<NextToken>t</NextToken></ListQueuesResult>");
        assertThat(xml("ListQueueTags", "{\"Tags\":{\"team\":\"core\",\"e\":\"\"}}"))
                .contains("<ListQueueTagsResult><Tag><Key>team</Key><Value>core</Value></Tag>"
                        + "<Tag><Key>e</Key><Value></Value></Tag></ListQueueTagsResult>");
        assertThat(xml("CreateQueue", "{\"QueueUrl\":\"http://h/1/a\"}"))
                .contains("<CreateQueueResult><QueueUrl>http://h/1/a</QueueUrl></CreateQueueResult>");
        assertThat(xml("ListQueueTags", "{\"Tags\":{}}")).contains("<ListQueueTagsResult/>");
    }

    @Test
    void batchResultsRepeatTheirEntryElements() throws Exception {
        assertThat(xml(
                        "SendMessageBatch",
                        "{\"Successful\":[{\"Id\":\"a\",\"MessageId\":\"m\",\"MD5OfMessageBody\":\"d\"}],"
                                + "\"Failed\":[{\"Id\":\"b\",\"SenderFault\":true,\"Code\":\"InvalidMessageContents\","
                                + "\"Message\":\"bad\"}]}"))
                .contains("<SendMessageBatchResult><SendMessageBatchResultEntry><Id>a</Id><MessageId>m</MessageId>"
                        + "<MD5OfMessageBody>d</MD5OfMessageBody></SendMessageBatchResultEntry>"
                        + "<BatchResultErrorEntry><Id>b</Id><SenderFault>true</SenderFault>"
                        + "<Code>InvalidMessageContents</Code><Message>bad</Message></BatchResultErrorEntry>"
                        + "</SendMessageBatchResult>");
        assertThat(xml("DeleteMessageBatch", "{\"Successful\":[{\"Id\":\"a\"}],\"Failed\":[]}"))
                .contains("<DeleteMessageBatchResult><DeleteMessageBatchResultEntry><Id>a</Id>"
                        + "</DeleteMessageBatchResultEntry></DeleteMessageBatchResult>");
        assertThat(xml("ChangeMessageVisibilityBatch", "{\"Successful\":[{\"Id\":\"a\"}]}"))
                .contains("<ChangeMessageVisibilityBatchResult><ChangeMessageVisibilityBatchResultEntry><Id>a</Id>"
                        + "</ChangeMessageVisibilityBatchResultEntry></ChangeMessageVisibilityBatchResult>");
    }
}
