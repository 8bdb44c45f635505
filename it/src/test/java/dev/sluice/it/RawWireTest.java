package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Wire details no SDK shows but real clients rely on (REFERENCE §1.1-1.4, §2.8, §2.18, §6.1), on the raw wire. */
class RawWireTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    private static RawHttp http;
    private static String queueName;
    private static String queueUrl;

    @BeforeAll
    static void createQueue() {
        http = new RawHttp(sluice.endpoint());
        queueName = SluiceExtension.uniqueQueueName("wire");
        var created = http.json("CreateQueue", "{\"QueueName\":\"" + queueName + "\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        queueUrl = created.json().get("QueueUrl").asText();
    }

    @Test
    void successAnswersCarryRequestIdsInBothProtocols() {
        var json = http.json("GetQueueUrl", "{\"QueueName\":\"" + queueName + "\"}");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/x-amz-json-1.0");
        assertThat(json.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");

        var xml = http.query("/", "Action=GetQueueUrl&Version=2012-11-05&QueueName=" + queueName);
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.header("Content-Type")).startsWith("text/xml");
        var root = xml.xml().getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("GetQueueUrlResponse");
        assertThat(root.getNamespaceURI()).isEqualTo("http://queue.amazonaws.com/doc/2012-11-05/");
        assertThat(xml.xmlText("QueueUrl")).isEqualTo(queueUrl);
        assertThat(xml.xmlText("RequestId")).matches("[0-9a-f-]{36}");
    }

    @Test
    void healthEndpointsAnswer() {
        assertThat(http.get("/health/live").status()).isEqualTo(200);
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void queueUrlsUseTheHostTheClientUsed() {
        // REFERENCE §1.4: the URL handed out is built from the request's Host (no advertised URL is configured here)
        int port = sluice.endpoint().getPort();
        for (var host : new String[] {"localhost:" + port, "sqs.example.test:1234"}) {
            var r = http.send(
                    "POST",
                    "/",
                    Map.of(
                            "Host", host,
                            "Content-Type", "application/x-amz-json-1.0",
                            "X-Amz-Target", "AmazonSQS.GetQueueUrl"),
                    ("{\"QueueName\":\"" + queueName + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().get("QueueUrl").asText()).isEqualTo("http://" + host + "/000000000000/" + queueName);
        }
    }

    @Test
    void receiveReturnsTheUnionOfAttributeNamesAndMessageSystemAttributeNames() {
        // REFERENCE §2.10 (AttributeNames is deprecated but still sent) and §1.3 (MessageSystemAttributeName.N)
        var q = SluiceExtension.uniqueQueueName("union");
        var url = http.json("CreateQueue", "{\"QueueName\":\"" + q + "\"}")
                .json()
                .get("QueueUrl")
                .asText();
        http.json("SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"x\"}");

        var json = http.json(
                "ReceiveMessage",
                "{\"QueueUrl\":\"" + url + "\",\"VisibilityTimeout\":0,\"AttributeNames\":[\"SentTimestamp\"],"
                        + "\"MessageSystemAttributeNames\":[\"ApproximateReceiveCount\"]}");
        var attributes = json.json().at("/Messages/0/Attributes");
        assertThat(attributes.has("SentTimestamp")).as("%s", json).isTrue();
        assertThat(attributes.get("ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(attributes.size()).isEqualTo(2);

        var xml = http.query(
                "/",
                "Action=ReceiveMessage&VisibilityTimeout=0&QueueUrl=" + encode(url)
                        + "&AttributeName.1=SenderId&MessageSystemAttributeName.1=ApproximateReceiveCount");
        assertThat(xml.status()).as("%s", xml).isEqualTo(200);
        var names = xml.xml().getElementsByTagNameNS("*", "Name");
        var found = new java.util.TreeSet<String>();
        for (int n = 0; n < names.getLength(); n++) {
            found.add(names.item(n).getTextContent());
        }
        assertThat(found).containsExactly("ApproximateReceiveCount", "SenderId");
    }

    @Test
    void emptyResultsOmitTheirMembers() {
        var json = http.json("ReceiveMessage", "{\"QueueUrl\":\"" + queueUrl + "\"}");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().has("Messages")).as("%s", json).isFalse();
        var tags = http.json("ListQueueTags", "{\"QueueUrl\":\"" + queueUrl + "\"}");
        assertThat(tags.json().has("Tags")).as("%s", tags).isFalse();

        var xml = http.query("/", "Action=ReceiveMessage&QueueUrl=" + encode(queueUrl));
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.xml().getElementsByTagNameNS("*", "ReceiveMessageResult").getLength())
                .isEqualTo(1);
        assertThat(xml.xml().getElementsByTagNameNS("*", "Message").getLength()).isZero();
    }

    @Test
    void amznTraceIdHeaderBecomesTheAwsTraceHeaderAttribute() {
        var trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        var q = SluiceExtension.uniqueQueueName("trace");
        var url = http.json("CreateQueue", "{\"QueueName\":\"" + q + "\"}")
                .json()
                .get("QueueUrl")
                .asText();
        var sent = http.send(
                "POST",
                "/",
                Map.of(
                        "Content-Type", "application/x-amz-json-1.0",
                        "X-Amz-Target", "AmazonSQS.SendMessage",
                        "X-Amzn-Trace-Id", trace),
                ("{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"traced\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(sent.status()).as("%s", sent).isEqualTo(200);

        var received = http.json(
                "ReceiveMessage",
                "{\"QueueUrl\":\"" + url + "\",\"MessageSystemAttributeNames\":[\"AWSTraceHeader\"]}");

        assertThat(received.json().at("/Messages/0/Attributes/AWSTraceHeader").asText())
                .isEqualTo(trace);
    }

    @Test
    void queueUrlParameterWinsOverThePath() {
        // REFERENCE §1.4 rule 1
        var r = http.query(
                "/000000000000/" + SluiceExtension.uniqueQueueName("elsewhere"),
                "Action=GetQueueAttributes&AttributeName.1=QueueArn&QueueUrl=" + encode(queueUrl));

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.xmlText("Value")).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + queueName);
    }

    @Test
    void queuelessActionsSentToAQueuePathAreInvalidAction() {
        var path = "/000000000000/" + queueName;

        var create = http.query(path, "Action=CreateQueue&QueueName=" + SluiceExtension.uniqueQueueName("x"));
        WireAssertions.assertXmlError(create, 400, "InvalidAction");
        assertThat(create.xmlText("Message")).isEqualTo("The action CreateQueue is not valid for this endpoint.");
        var list = http.query(path, "Action=ListQueues");
        WireAssertions.assertXmlError(list, 400, "InvalidAction");
        assertThat(list.xmlText("Message")).isEqualTo("The action ListQueues is not valid for this endpoint.");
    }

    @Test
    void carriageReturnsAreEscapedInXmlSoTheyReachTheClient() {
        var q = SluiceExtension.uniqueQueueName("cr");
        var url = http.json("CreateQueue", "{\"QueueName\":\"" + q + "\"}")
                .json()
                .get("QueueUrl")
                .asText();
        http.json("SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"a\\r\\nb \\\"q\\\" <&>\"}");

        var r = http.query("/", "Action=ReceiveMessage&QueueUrl=" + encode(url));

        assertThat(r.text()).containsAnyOf("a&#xD;\nb", "a&#13;\nb", "a&#xD;&#xA;b", "a&#13;&#10;b");
        assertThat(r.xmlText("Body")).isEqualTo("a\r\nb \"q\" <&>");
    }

    @Test
    void queueUrlOfAnotherHostResolvesByAccountAndName() {
        // REFERENCE §1.4: old or proxied URLs resolve by account and name, never by host
        var r = http.json(
                "GetQueueAttributes",
                "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/000000000000/" + queueName
                        + "\",\"AttributeNames\":[\"QueueArn\"]}");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().at("/Attributes/QueueArn").asText()).endsWith(":000000000000:" + queueName);
    }

    @Test
    void jsonSentToTheQueueUrlPathIsAnswered() {
        // REFERENCE §1.1: the PHP SDK sends JSON to the queue URL
        var r = http.json(
                "/000000000000/" + queueName,
                "GetQueueAttributes",
                ("{\"QueueUrl\":\"" + queueUrl + "\",\"AttributeNames\":[\"DelaySeconds\"]}").getBytes());

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().at("/Attributes/DelaySeconds").asText()).isEqualTo("0");
    }

    @Test
    void queryGetWithParametersInTheUrlIsAnswered() {
        var r = http.get("/000000000000/" + queueName + "?Action=GetQueueAttributes&AttributeName=VisibilityTimeout");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.xmlText("Value")).isEqualTo("30");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
