package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Endpoint.Reply;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQS actions over AWS Query (form POST and GET), with XML answers. */
class QueryEndpointTest {
    private static final String NS = "xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"";

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

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        assertThat(m.find()).as(xml).isTrue();
        return m.group(1);
    }

    @Test
    void createQueueWithFlattenedAttributesAndTagsAnswersXml() {
        Reply reply = sqs.query("Action=CreateQueue&Version=2012-11-05&QueueName=q1"
                + "&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=40&Tag.1.Key=team&Tag.1.Value=core");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("Content-Type", "text/xml").containsKey("x-amzn-RequestId");
        String requestId = reply.headers().get("x-amzn-RequestId");
        assertThat(reply.text())
                .isEqualTo("<?xml version=\"1.0\"?><CreateQueueResponse " + NS + "><CreateQueueResult>"
                        + "<QueueUrl>http://localhost:9324/000000000000/q1</QueueUrl></CreateQueueResult>"
                        + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>"
                        + "</CreateQueueResponse>");
        assertThat(sqs.query("Action=GetQueueAttributes&QueueUrl=http://localhost:9324/000000000000/q1"
                                + "&AttributeName=VisibilityTimeout")
                        .text())
                .contains("<Attribute><Name>VisibilityTimeout</Name><Value>40</Value></Attribute>");
        assertThat(sqs.query("Action=ListQueueTags&QueueUrl=http://localhost:9324/000000000000/q1")
                        .text())
                .contains("<Tag><Key>team</Key><Value>core</Value></Tag>");
    }

    @Test
    void sendAndReceiveKeepCarriageReturnsAndQuotesThroughXml() {
        String url = sqs.createQueue("xml");
        Reply sent = sqs.query("Action=SendMessage&QueueUrl=" + url + "&MessageBody=%22%26quot%3B%22%0D%0A%3Cx%3E"
                + "&MessageAttribute.1.Name=a&MessageAttribute.1.Value.DataType=String"
                + "&MessageAttribute.1.Value.StringValue=v");
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.text()).contains("<MD5OfMessageAttributes>");
        Reply received = sqs.query("Action=ReceiveMessage&QueueUrl=" + url + "&MessageAttributeName.1=All"
                + "&AttributeName.1=ApproximateReceiveCount");
        assertThat(received.text())
                .contains("<Body>&quot;&amp;quot;&quot;&#xD;\n&lt;x&gt;</Body>")
                .contains("<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>")
                .contains("<MessageAttribute><Name>a</Name><Value><StringValue>v</StringValue>"
                        + "<DataType>String</DataType></Value></MessageAttribute>");
        String handle = element(received.text(), "ReceiptHandle");
        Reply deleted = sqs.query("Action=DeleteMessageBatch&QueueUrl=" + url
                + "&DeleteMessageBatchRequestEntry.1.Id=d&DeleteMessageBatchRequestEntry.1.ReceiptHandle="
                + java.net.URLEncoder.encode(handle, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(deleted.text())
                .contains("<DeleteMessageBatchResultEntry><Id>d</Id></DeleteMessageBatchResultEntry>");
        Reply empty = sqs.query("Action=ReceiveMessage&QueueUrl=" + url);
        assertThat(empty.text()).contains("<ReceiveMessageResult/>");
    }

    @Test
    void aGetRequestWorksLikeAFormPost() {
        sqs.createQueue("by-get");
        Reply reply = sqs.get("/", "Action=ListQueues&QueueNamePrefix=by-");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text())
                .contains("<ListQueuesResult><QueueUrl>http://localhost:9324/000000000000/by-get</QueueUrl>"
                        + "</ListQueuesResult>");
    }

    @Test
    void queryErrorsUseLegacyCodesAndTheWsdlWording() {
        Reply reply = sqs.query("Action=GetQueueUrl&QueueName=nope");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers()).containsEntry("Content-Type", "text/xml");
        assertThat(reply.text())
                .isEqualTo("<?xml version=\"1.0\"?><ErrorResponse " + NS + "><Error><Type>Sender</Type>"
                        + "<Code>AWS.SimpleQueueService.NonExistentQueue</Code>"
                        + "<Message>The specified queue does not exist for this wsdl version.</Message><Detail/>"
                        + "</Error><RequestId>" + reply.headers().get("x-amzn-RequestId") + "</RequestId>"
                        + "</ErrorResponse>");
    }

    @Test
    void anEmptyBatchIsEmptyBatchRequest() {
        String url = sqs.createQueue("empty-batch");
        Reply reply = sqs.query("Action=SendMessageBatch&QueueUrl=" + url);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("<Code>AWS.SimpleQueueService.EmptyBatchRequest</Code>");
    }
}
