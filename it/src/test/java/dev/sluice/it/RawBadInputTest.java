package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input on the raw wire, byte for byte: each request gets the exact SQS error (status, JSON {@code __type} plus
 * {@code x-amzn-query-error}, or the XML {@code <Code>}; the AWS wording where REFERENCE/ERRORS record it) and never a
 * stack trace, a hang or a dead server: after every test the server still answers.
 */
class RawBadInputTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    private static RawHttp http;
    private static String queueName;
    private static String queueUrl;

    @BeforeAll
    static void createQueue() {
        http = new RawHttp(sluice.endpoint());
        queueName = SluiceExtension.uniqueQueueName("raw");
        var created = http.json("CreateQueue", "{\"QueueName\":\"" + queueName + "\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        queueUrl = created.json().get("QueueUrl").asText();
    }

    @AfterEach
    void serverStillAnswersBothProtocols() {
        var json = http.json("GetQueueUrl", "{\"QueueName\":\"" + queueName + "\"}");
        assertThat(json.status()).as("%s", json).isEqualTo(200);
        assertThat(json.json().get("QueueUrl").asText()).isEqualTo(queueUrl);
        var query = http.query("/", "Action=GetQueueUrl&Version=2012-11-05&QueueName=" + queueName);
        assertThat(query.status()).as("%s", query).isEqualTo(200);
        assertThat(query.xmlText("QueueUrl")).isEqualTo(queueUrl);
    }

    // ---- JSON protocol ----

    @Test
    void malformedJsonIsASerializationError() {
        for (var body :
                new String[] {"{\"QueueName\":", "{\"QueueName\" \"x\"}", "{'QueueName':'x'}", "\u0000", "{}}"}) {
            assertJsonError(http.json("CreateQueue", body), 400, "SerializationException", "MalformedInput");
        }
    }

    @Test
    void jsonThatIsNotAnObjectIsASerializationError() {
        for (var body : new String[] {"[]", "[{\"QueueName\":\"x\"}]", "\"CreateQueue\"", "42", "true", "null"}) {
            assertJsonError(http.json("CreateQueue", body), 400, "SerializationException", "MalformedInput");
        }
    }

    @Test
    void membersOfTheWrongTypeAreASerializationError() {
        var bodies = new String[] {
            "{\"QueueName\":[\"x\"]}",
            "{\"QueueName\":{\"a\":1}}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":\"ten\"}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":{}}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"AttributeNames\":\"All\"}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageAttributeNames\":[1,2]}"
        };
        for (var body : bodies) {
            var action = body.contains("QueueName") ? "CreateQueue" : "ReceiveMessage";
            assertJsonError(http.json(action, body), 400, "SerializationException", "MalformedInput");
        }
        assertJsonError(
                http.json("SendMessageBatch", "{\"QueueUrl\":\"" + queueUrl + "\",\"Entries\":{\"Id\":\"a\"}}"),
                400,
                "SerializationException",
                "MalformedInput");
    }

    @Test
    void unknownJsonActionIsUnknownOperation() {
        var r = http.json("FooBar", "{}");

        assertJsonError(r, 400, "UnknownOperationException", "InvalidAction");
        assertThat(r.jsonMessage()).isEqualTo("The action FooBar is not valid for this endpoint.");
    }

    @Test
    void missingRequiredJsonMemberIsMissingParameter() {
        var create = http.json("CreateQueue", "{}");
        assertJsonError(create, 400, "MissingRequiredParameterException", "MissingParameter");
        assertThat(create.jsonMessage()).isEqualTo("The request must contain the parameter QueueName.");

        var send = http.json("SendMessage", "{\"QueueUrl\":\"" + queueUrl + "\"}");
        assertJsonError(send, 400, "MissingRequiredParameterException", "MissingParameter");
        assertThat(send.jsonMessage()).isEqualTo("The request must contain the parameter MessageBody.");
    }

    @Test
    void outOfRangeJsonValuesAreInvalidParameterValue() {
        var r = http.json("ReceiveMessage", "{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":11}");
        assertJsonError(r, 400, "InvalidParameterValueException", "InvalidParameterValue");
        assertThat(r.jsonMessage())
                .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if"
                        + " provided.");

        var wait = http.json("ReceiveMessage", "{\"QueueUrl\":\"" + queueUrl + "\",\"WaitTimeSeconds\":21}");
        assertJsonError(wait, 400, "InvalidParameterValueException", "InvalidParameterValue");
        assertThat(wait.jsonMessage())
                .isEqualTo("Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if"
                        + " provided.");

        var huge =
                http.json("ReceiveMessage", "{\"QueueUrl\":\"" + queueUrl + "\",\"VisibilityTimeout\":99999999999999}");
        assertThat(huge.status()).as("%s", huge).isEqualTo(400);
        assertNoStackTrace(huge);
    }

    @Test
    void bodyLargerThanTheServerAcceptsIsRequestEntityTooLargeInTheRequestsProtocol() {
        int limit = dev.sluice.http.HttpServerConfig.DEFAULT_MAX_BODY_BYTES;
        var prefix = "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"";
        var json = prefix + "a".repeat(limit + 1 - prefix.length() - 2) + "\"}";
        assertThat(json.length()).isEqualTo(limit + 1);

        var r = http.json("SendMessage", json);

        assertJsonError(r, 413, "RequestEntityTooLarge", "RequestEntityTooLarge");
        assertThat(r.jsonMessage()).isEqualTo("Request body must be no longer than " + limit + " bytes.");
        var form = "Action=SendMessage&QueueUrl=" + encode(queueUrl) + "&MessageBody=";
        assertXmlError(http.query("/", form + "a".repeat(limit + 1 - form.length())), 413, "RequestEntityTooLarge");
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void invalidUtf8InAJsonBodyIsASerializationError() {
        var prefix = "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"bad ";
        var bytes = concat(prefix.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}, "\"}".getBytes());

        assertJsonError(http.json("/", "SendMessage", bytes), 400, "SerializationException", "MalformedInput");
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void forbiddenCharacterInAJsonBodyIsInvalidMessageContents() {
        var r = http.json("SendMessage", "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"a\\u0001b\"}");

        assertJsonError(r, 400, "InvalidMessageContents", "InvalidMessageContents");
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void elevenMessageAttributesAreInvalidParameterValue() {
        var attributes = IntStream.range(0, 11)
                .mapToObj(i -> "\"a" + i + "\":{\"DataType\":\"String\",\"StringValue\":\"v\"}")
                .collect(Collectors.joining(",", "{", "}"));
        var r = http.json(
                "SendMessage",
                "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"x\",\"MessageAttributes\":" + attributes + "}");

        assertJsonError(r, 400, "InvalidParameterValueException", "InvalidParameterValue");
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void badBatchEntryIdsAreInvalidBatchEntryId() {
        for (var id : new String[] {"bad id", "", "x".repeat(81), "dot.ted", "ünï"}) {
            var r = http.json(
                    "SendMessageBatch",
                    "{\"QueueUrl\":\"" + queueUrl + "\",\"Entries\":[{\"Id\":\"" + id + "\",\"MessageBody\":\"x\"}]}");
            assertJsonError(r, 400, "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId");
            assertThat(r.jsonMessage())
                    .isEqualTo("A batch entry id can only contain alphanumeric characters, hyphens and underscores. It"
                            + " can be at most 80 letters long.");
        }
        var empty = http.json("DeleteMessageBatch", "{\"QueueUrl\":\"" + queueUrl + "\",\"Entries\":[]}");
        assertJsonError(empty, 400, "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest");
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void foreignQueueUrlIsInvalidAddress() {
        var r = http.json(
                "SendMessage", "{\"QueueUrl\":\"https://sqs.eu-south-1.amazonaws.com/\",\"MessageBody\":\"x\"}");

        assertJsonError(r, 404, "InvalidAddress", "InvalidAddress");
        assertThat(r.jsonMessage())
                .isEqualTo("The address https://sqs.eu-south-1.amazonaws.com/ is not valid for this" + " endpoint.");
        assertJsonError(
                http.json("SendMessage", "{\"QueueUrl\":\"not a url\",\"MessageBody\":\"x\"}"),
                404,
                "InvalidAddress",
                "InvalidAddress");
    }

    @Test
    void jsonErrorForUnknownQueueCarriesTheLegacyCode() {
        var r = http.json("GetQueueUrl", "{\"QueueName\":\"" + SluiceExtension.uniqueQueueName("nope") + "\"}");

        assertJsonError(r, 400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue");
        assertThat(r.jsonMessage()).isEqualTo("The specified queue does not exist.");
    }

    // ---- Query protocol ----

    @Test
    void unknownQueryActionIsInvalidAction() {
        var r = http.query("/", "Action=FooBar&Version=2012-11-05");

        assertXmlError(r, 400, "InvalidAction");
        assertThat(r.xmlText("Message")).isEqualTo("The action FooBar is not valid for this endpoint.");
    }

    @Test
    void queryWithoutActionIsMissingAction() {
        assertXmlError(http.query("/", "Version=2012-11-05&QueueName=x"), 400, "MissingAction");
    }

    @Test
    void missingRequiredQueryParameterIsMissingParameter() {
        var r = http.query("/", "Action=CreateQueue&Version=2012-11-05");

        assertXmlError(r, 400, "MissingParameter");
        assertThat(r.xmlText("Message")).isEqualTo("The request must contain the parameter QueueName.");
    }

    @Test
    void outOfRangeOrNonNumericQueryValuesAreInvalidParameterValue() {
        var r = http.query("/", "Action=ReceiveMessage&QueueUrl=" + encode(queueUrl) + "&MaxNumberOfMessages=11");
        assertXmlError(r, 400, "InvalidParameterValue");
        assertThat(r.xmlText("Message"))
                .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if"
                        + " provided.");

        assertXmlError(
                http.query("/", "Action=ReceiveMessage&QueueUrl=" + encode(queueUrl) + "&MaxNumberOfMessages=ten"),
                400,
                "InvalidParameterValue");
    }

    @Test
    void malformedFormDataIsRejected() {
        assertXmlError(http.query("/", "Action=ListQueues&bad=%ZZ"), 404, "MalformedQueryString");
        assertXmlError(
                http.query("/", "Action=GetQueueAttributes&QueueUrl=" + encode(queueUrl) + "&AttributeName.x=All"),
                400,
                "InvalidQueryParameter");
    }

    @Test
    void forbiddenCharactersInAQueryBodyAreInvalidMessageContents() {
        var prefix = "Action=SendMessage&QueueUrl=" + encode(queueUrl) + "&MessageBody=";
        assertXmlError(http.query("/", prefix + "a%01b"), 400, "InvalidMessageContents");
        assertXmlError(http.query("/", prefix + "not%EF%BF%BFa%20character"), 400, "InvalidMessageContents");
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void invalidUtf8InAQueryBodyIsRejectedNotReplaced() {
        // REFERENCE does not record AWS's answer; what matters is that no U+FFFD is stored in its place
        var prefix = "Action=SendMessage&QueueUrl=" + encode(queueUrl) + "&MessageBody=";
        for (var bad : new String[] {"bad%C3%28byte", "lone%ED%A0%80surrogate", "cut%E2%82"}) {
            var r = http.query("/", prefix + bad);
            assertXmlError(r, 400, "InvalidParameterValue");
            assertThat(r.xmlText("Message"))
                    .isEqualTo("Value for parameter MessageBody is invalid. Reason: the value is not valid UTF-8.");
        }
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void elevenQueryMessageAttributesAreInvalidParameterValue() {
        var form = new StringBuilder("Action=SendMessage&QueueUrl=" + encode(queueUrl) + "&MessageBody=x");
        for (int i = 1; i <= 11; i++) {
            form.append("&MessageAttribute.").append(i).append(".Name=a").append(i);
            form.append("&MessageAttribute.").append(i).append(".Value.DataType=String");
            form.append("&MessageAttribute.").append(i).append(".Value.StringValue=v");
        }

        assertXmlError(http.query("/", form.toString()), 400, "InvalidParameterValue");
        assertThat(messagesInQueue()).isZero();
    }

    @Test
    void badQueryBatchEntryIdsAreInvalidBatchEntryId() {
        var r = http.query(
                "/",
                "Action=SendMessageBatch&QueueUrl=" + encode(queueUrl)
                        + "&SendMessageBatchRequestEntry.1.Id=bad%20id&SendMessageBatchRequestEntry.1.MessageBody=x");

        assertXmlError(r, 400, "AWS.SimpleQueueService.InvalidBatchEntryId");
        var many = new StringBuilder("Action=DeleteMessageBatch&QueueUrl=" + encode(queueUrl));
        for (int i = 1; i <= 11; i++) {
            many.append("&DeleteMessageBatchRequestEntry.")
                    .append(i)
                    .append(".Id=e")
                    .append(i);
            many.append("&DeleteMessageBatchRequestEntry.").append(i).append(".ReceiptHandle=h");
        }
        var tooMany = http.query("/", many.toString());
        assertXmlError(tooMany, 400, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
        assertThat(tooMany.xmlText("Message"))
                .isEqualTo("Maximum number of entries per request are 10. You have sent 11.");
    }

    @Test
    void getOfAQueueUrlWithoutActionIsNotFound() {
        var r = http.get("/000000000000/" + queueName);

        assertThat(r.status()).as("%s", r).isEqualTo(404);
        assertThat(r.text()).contains("UnknownOperationException");
        assertNoStackTrace(r);
    }

    @Test
    void foreignQueueUrlOverQueryIsInvalidAddress() {
        var r = http.query(
                "/",
                "Action=SendMessage&QueueUrl=" + encode("https://sqs.eu-south-1.amazonaws.com/") + "&MessageBody=x");

        assertXmlError(r, 404, "InvalidAddress");
        assertThat(r.xmlText("Message"))
                .isEqualTo("The address https://sqs.eu-south-1.amazonaws.com/ is not valid for" + " this endpoint.");
    }

    @Test
    void queryErrorForUnknownQueueUsesTheWsdlWording() {
        var r = http.query(
                "/000000000000/" + SluiceExtension.uniqueQueueName("nope"),
                "Action=GetQueueAttributes&AttributeName.1=All");

        assertXmlError(r, 400, "AWS.SimpleQueueService.NonExistentQueue");
        assertThat(r.xmlText("Message")).isEqualTo("The specified queue does not exist for this wsdl version.");
    }

    // ---- helpers ----

    private static int messagesInQueue() {
        var r = http.json(
                "GetQueueAttributes",
                "{\"QueueUrl\":\"" + queueUrl
                        + "\",\"AttributeNames\":[\"ApproximateNumberOfMessages\",\"ApproximateNumberOfMessagesDelayed\"]}");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().at("/Attributes/ApproximateNumberOfMessages").asInt()
                + r.json().at("/Attributes/ApproximateNumberOfMessagesDelayed").asInt();
    }

    /** ERRORS.md, JSON: status, __type (picks the SDK exception), x-amzn-query-error (the code users see). */
    static void assertJsonError(RawResponse r, int status, String jsonType, String queryCode) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("%s", r).startsWith("application/x-amz-json-1.0");
        assertThat(r.jsonType()).as("__type of %s", r).isEqualTo(jsonType);
        assertThat(r.header("x-amzn-query-error"))
                .as("x-amzn-query-error of %s", r)
                .isEqualTo(queryCode + ";Sender");
        assertThat(r.header("x-amzn-RequestId")).as("%s", r).isNotBlank();
        assertThat(r.jsonMessage()).as("message of %s", r).isNotBlank();
        assertNoStackTrace(r);
    }

    /** ERRORS.md, Query: status, text/xml, ErrorResponse in the 2012-11-05 namespace with Type, Code, RequestId. */
    static void assertXmlError(RawResponse r, int status, String code) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("%s", r).startsWith("text/xml");
        var root = r.xml().getDocumentElement();
        assertThat(root.getLocalName()).as("%s", r).isEqualTo("ErrorResponse");
        assertThat(root.getNamespaceURI()).isEqualTo("http://queue.amazonaws.com/doc/2012-11-05/");
        assertThat(r.xmlText("Type")).as("%s", r).isEqualTo("Sender");
        assertThat(r.xmlText("Code")).as("code of %s", r).isEqualTo(code);
        assertThat(r.xmlText("Message")).as("%s", r).isNotBlank();
        assertThat(r.xmlText("RequestId")).as("%s", r).isNotBlank();
        assertNoStackTrace(r);
    }

    static void assertNoStackTrace(RawResponse r) {
        assertThat(r.text()).as("%s", r).doesNotContain("\tat ", "Exception:", "java.", "io.netty", "com.fasterxml");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
