package dev.sluice.it;

import static dev.sluice.it.WireAssertions.assertJsonError;
import static dev.sluice.it.WireAssertions.assertNoStackTrace;
import static dev.sluice.it.WireAssertions.assertXmlError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad AWS JSON 1.0 requests, byte for byte: each gets the exact SQS error (status, {@code __type},
 * {@code x-amzn-query-error}, the AWS wording where REFERENCE/ERRORS record it) and never a stack trace, a hang or a
 * dead server: after every test the server still answers.
 */
class JsonBadInputTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    private static RawQueue queue;

    @BeforeAll
    static void createQueue() {
        queue = RawQueue.create(sluice.endpoint(), "bad");
    }

    @AfterEach
    void serverStillAnswersBothProtocols() {
        queue.assertServerStillAnswers();
    }

    @Test
    void malformedJsonIsASerializationError() {
        for (var body :
                new String[] {"{\"QueueName\":", "{\"QueueName\" \"x\"}", "{'QueueName':'x'}", "\u0000", "{}}"}) {
            assertJsonError(queue.http().json("CreateQueue", body), 400, "SerializationException", "MalformedInput");
        }
    }

    @Test
    void jsonThatIsNotAnObjectIsASerializationError() {
        for (var body : new String[] {"[]", "[{\"QueueName\":\"x\"}]", "\"CreateQueue\"", "42", "true", "null"}) {
            assertJsonError(queue.http().json("CreateQueue", body), 400, "SerializationException", "MalformedInput");
        }
    }

    @Test
    void membersOfTheWrongTypeAreASerializationError() {
        var bodies = new String[] {
            "{\"QueueName\":[\"x\"]}",
            "{\"QueueName\":{\"a\":1}}",
            "{\"QueueUrl\":\"" + queue.url() + "\",\"MaxNumberOfMessages\":\"ten\"}",
            "{\"QueueUrl\":\"" + queue.url() + "\",\"MaxNumberOfMessages\":{}}",
            "{\"QueueUrl\":\"" + queue.url() + "\",\"AttributeNames\":\"All\"}",
            "{\"QueueUrl\":\"" + queue.url() + "\",\"MessageAttributeNames\":[1,2]}"
        };
        for (var body : bodies) {
            var action = body.contains("QueueName") ? "CreateQueue" : "ReceiveMessage";
            assertJsonError(queue.http().json(action, body), 400, "SerializationException", "MalformedInput");
        }
        assertJsonError(
                queue.http()
                        .json("SendMessageBatch", "{\"QueueUrl\":\"" + queue.url() + "\",\"Entries\":{\"Id\":\"a\"}}"),
                400,
                "SerializationException",
                "MalformedInput");
    }

    @Test
    void unknownJsonActionIsUnknownOperation() {
        var r = queue.http().json("FooBar", "{}");

        assertJsonError(r, 400, "UnknownOperationException", "InvalidAction");
        assertThat(r.jsonMessage()).isEqualTo("The action FooBar is not valid for this endpoint.");
    }

    @Test
    void missingRequiredJsonMemberIsMissingParameter() {
        var create = queue.http().json("CreateQueue", "{}");
        assertJsonError(create, 400, "MissingRequiredParameterException", "MissingParameter");
        assertThat(create.jsonMessage()).isEqualTo("The request must contain the parameter QueueName.");

        var send = queue.http().json("SendMessage", "{\"QueueUrl\":\"" + queue.url() + "\"}");
        assertJsonError(send, 400, "MissingRequiredParameterException", "MissingParameter");
        assertThat(send.jsonMessage()).isEqualTo("The request must contain the parameter MessageBody.");
    }

    @Test
    void outOfRangeJsonValuesAreInvalidParameterValue() {
        var r = queue.http()
                .json("ReceiveMessage", "{\"QueueUrl\":\"" + queue.url() + "\",\"MaxNumberOfMessages\":11}");
        assertJsonError(r, 400, "InvalidParameterValueException", "InvalidParameterValue");
        assertThat(r.jsonMessage())
                .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if"
                        + " provided.");

        var wait = queue.http().json("ReceiveMessage", "{\"QueueUrl\":\"" + queue.url() + "\",\"WaitTimeSeconds\":21}");
        assertJsonError(wait, 400, "InvalidParameterValueException", "InvalidParameterValue");
        assertThat(wait.jsonMessage())
                .isEqualTo("Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if"
                        + " provided.");

        var huge = queue.http()
                .json("ReceiveMessage", "{\"QueueUrl\":\"" + queue.url() + "\",\"VisibilityTimeout\":99999999999999}");
        assertThat(huge.status()).as("%s", huge).isEqualTo(400);
        assertNoStackTrace(huge);
    }

    @Test
    void bodyLargerThanTheServerAcceptsIsRequestEntityTooLargeInTheRequestsProtocol() {
        int limit = dev.sluice.http.HttpServerConfig.DEFAULT_MAX_BODY_BYTES;
        var prefix = "{\"QueueUrl\":\"" + queue.url() + "\",\"MessageBody\":\"";
        var json = prefix + "a".repeat(limit + 1 - prefix.length() - 2) + "\"}";
        assertThat(json.length()).isEqualTo(limit + 1);

        var r = queue.http().json("SendMessage", json);

        assertJsonError(r, 413, "RequestEntityTooLarge", "RequestEntityTooLarge");
        assertThat(r.jsonMessage()).isEqualTo("Request body must be no longer than " + limit + " bytes.");
        var form = "Action=SendMessage&QueueUrl=" + queue.encodedUrl() + "&MessageBody=";
        assertXmlError(
                queue.http().query("/", form + "a".repeat(limit + 1 - form.length())), 413, "RequestEntityTooLarge");
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void invalidUtf8InAJsonBodyIsASerializationError() {
        var prefix = "{\"QueueUrl\":\"" + queue.url() + "\",\"MessageBody\":\"bad ";
        var bytes = concat(prefix.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}, "\"}".getBytes());

        assertJsonError(queue.http().json("/", "SendMessage", bytes), 400, "SerializationException", "MalformedInput");
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void forbiddenCharacterInAJsonBodyIsInvalidMessageContents() {
        var r = queue.http()
                .json("SendMessage", "{\"QueueUrl\":\"" + queue.url() + "\",\"MessageBody\":\"a\\u0001b\"}");

        assertJsonError(r, 400, "InvalidMessageContents", "InvalidMessageContents");
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void elevenMessageAttributesAreInvalidParameterValue() {
        var attributes = IntStream.range(0, 11)
                .mapToObj(i -> "\"a" + i + "\":{\"DataType\":\"String\",\"StringValue\":\"v\"}")
                .collect(Collectors.joining(",", "{", "}"));
        var r = queue.http()
                .json(
                        "SendMessage",
                        "{\"QueueUrl\":\"" + queue.url() + "\",\"MessageBody\":\"x\",\"MessageAttributes\":"
                                + attributes + "}");

        assertJsonError(r, 400, "InvalidParameterValueException", "InvalidParameterValue");
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void badBatchEntryIdsAreInvalidBatchEntryId() {
        for (var id : new String[] {"bad id", "", "x".repeat(81), "dot.ted", "ünï"}) {
            var r = queue.http()
                    .json(
                            "SendMessageBatch",
                            "{\"QueueUrl\":\"" + queue.url() + "\",\"Entries\":[{\"Id\":\"" + id
                                    + "\",\"MessageBody\":\"x\"}]}");
            assertJsonError(r, 400, "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId");
            assertThat(r.jsonMessage())
                    .isEqualTo("A batch entry id can only contain alphanumeric characters, hyphens and underscores. It"
                            + " can be at most 80 letters long.");
        }
        var empty = queue.http().json("DeleteMessageBatch", "{\"QueueUrl\":\"" + queue.url() + "\",\"Entries\":[]}");
        assertJsonError(empty, 400, "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest");
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void foreignQueueUrlIsInvalidAddress() {
        var r = queue.http()
                .json("SendMessage", "{\"QueueUrl\":\"https://sqs.eu-south-1.amazonaws.com/\",\"MessageBody\":\"x\"}");

        assertJsonError(r, 404, "InvalidAddress", "InvalidAddress");
        assertThat(r.jsonMessage())
                .isEqualTo("The address https://sqs.eu-south-1.amazonaws.com/ is not valid for this" + " endpoint.");
        assertJsonError(
                queue.http().json("SendMessage", "{\"QueueUrl\":\"not a url\",\"MessageBody\":\"x\"}"),
                404,
                "InvalidAddress",
                "InvalidAddress");
    }

    @Test
    void jsonErrorForUnknownQueueCarriesTheLegacyCode() {
        var r = queue.http().json("GetQueueUrl", "{\"QueueName\":\"" + SluiceExtension.uniqueQueueName("nope") + "\"}");

        assertJsonError(r, 400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue");
        assertThat(r.jsonMessage()).isEqualTo("The specified queue does not exist.");
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
