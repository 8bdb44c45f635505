package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.Endpoint.Reply;
import dev.sluice.protocol.action.Actions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets the exact SQS error and status, never a crash or a stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private Endpoint sqs;
    private String url;

    @BeforeEach
    void open() {
        sqs = new Endpoint(dir);
        url = sqs.createQueue("q");
    }

    @AfterEach
    void close() throws Exception {
        sqs.close();
    }

    private static void assertJsonError(Reply reply, int status, String type, String queryCode, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.headers())
                .containsEntry("Content-Type", "application/x-amz-json-1.0")
                .containsEntry("x-amzn-query-error", queryCode + ";Sender")
                .containsKey("x-amzn-RequestId")
                .containsKey("Date");
        assertThat(reply.json().get("__type").asText()).isEqualTo("com.amazonaws.sqs#" + type);
        assertThat(reply.json().get("message").asText()).startsWith(message);
    }

    private static void assertQueryError(Reply reply, int status, String code, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.headers()).containsEntry("Content-Type", "text/xml");
        assertThat(reply.text()).contains("<Type>Sender</Type><Code>" + code + "</Code><Message>" + message);
    }

    @Test
    void unknownActionsAreInvalidActionInBothProtocols() {
        assertJsonError(
                sqs.json("FooBar", "{}"),
                400,
                "UnknownOperationException",
                "InvalidAction",
                "The action FooBar is not valid for this endpoint.");
        assertQueryError(
                sqs.query("Action=FooBar"), 400, "InvalidAction", "The action FooBar is not valid for this endpoint.");
    }

    @Test
    void aQueryRequestWithoutActionIsMissingAction() {
        assertQueryError(
                sqs.query("QueueName=x"), 400, "MissingAction", "The request must contain the parameter Action.");
    }

    @Test
    void modelActionsSluiceDoesNotImplementAreUnsupportedOperation() {
        assertJsonError(
                sqs.json("AddPermission", "{}"),
                400,
                "UnsupportedOperation",
                "AWS.SimpleQueueService.UnsupportedOperation",
                "The action AddPermission is not supported by Sluice yet.");
    }

    @Test
    void missingRequiredParametersAreMissingParameter() {
        assertJsonError(
                sqs.json("SendMessage", "{\"QueueUrl\":\"" + url + "\"}"),
                400,
                "MissingRequiredParameterException",
                "MissingParameter",
                "The request must contain the parameter MessageBody.");
        assertQueryError(
                sqs.query("Action=DeleteQueue"),
                400,
                "MissingParameter",
                "The request must contain the parameter" + " QueueUrl.");
    }

    @Test
    void malformedJsonBodiesAreSerializationExceptions() {
        for (String body : new String[] {
            "{", "[]", "42", "{\"QueueUrl\":\"" + url + "\",\"QueueUrl\":\"x\"}", "{\"a\":" + "[".repeat(5000)
        }) {
            assertJsonError(
                    sqs.json("GetQueueAttributes", body),
                    400,
                    "SerializationException",
                    "MalformedInput",
                    "The request");
        }
        assertJsonError(
                sqs.json("ReceiveMessage", "{\"QueueUrl\":\"" + url + "\",\"MaxNumberOfMessages\":\"5\"}"),
                400,
                "SerializationException",
                "MalformedInput",
                "Cannot deserialize the value of MaxNumberOfMessages: expected an integer, found a string.");
    }

    @Test
    void invalidUtf8IsRejectedInBothProtocols() {
        byte[] prefix = ("{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(prefix, prefix.length + 3);
        body[prefix.length] = (byte) 0xFF;
        body[prefix.length + 1] = '"';
        body[prefix.length + 2] = '}';
        Reply json = sqs.handle(Endpoint.request(
                "POST",
                "/",
                "",
                Endpoint.headers(
                        "application/x-amz-json-1.0", Map.of("X-Amz-Target", "AmazonSQS.SendMessage"), Map.of()),
                body));
        assertJsonError(json, 400, "SerializationException", "MalformedInput", "The request body is not valid JSON:");
        assertQueryError(
                sqs.query("Action=SendMessage&QueueUrl=" + url + "&MessageBody=%C3%28"),
                400,
                "InvalidParameterValue",
                "Value for parameter MessageBody is invalid. Reason: the value is not valid UTF-8.");
    }

    @Test
    void brokenFormEncodingAndListIndicesGetQueryErrors() {
        assertQueryError(
                sqs.query("Action=SendMessage&MessageBody=%G0"),
                404,
                "MalformedQueryString",
                "The query string contains a syntax error: an invalid percent escape.");
        assertQueryError(
                sqs.query("Action=GetQueueAttributes&QueueUrl=" + url + "&AttributeName.first=All"),
                400,
                "InvalidQueryParameter",
                "The AWS query string is malformed or does not adhere to AWS standards: parameter AttributeName.first");
        assertQueryError(
                sqs.query("Action=GetQueueAttributes&QueueUrl=" + url + "&AttributeName.123456789012345=All"),
                400,
                "InvalidQueryParameter",
                "The AWS query string is malformed or does not adhere to AWS standards: parameter"
                        + " AttributeName.123456789012345");
    }

    @Test
    void malformedScalarsAreInvalidParameterValue() {
        assertQueryError(
                sqs.query("Action=ReceiveMessage&QueueUrl=" + url + "&MaxNumberOfMessages=abc"),
                400,
                "InvalidParameterValue",
                "Value abc for parameter MaxNumberOfMessages is invalid. Reason: Must be an integer.");
        assertJsonError(
                sqs.json(
                        "SendMessage",
                        "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"x\",\"MessageAttributes\":{\"b\":"
                                + "{\"DataType\":\"Binary\",\"BinaryValue\":\"%%%\"}}}"),
                400,
                "InvalidParameterValueException",
                "InvalidParameterValue",
                "Value %%% for parameter MessageAttributes.b.BinaryValue is invalid.");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutStackTrace() throws Exception {
        Actions failing = Actions.standard().with("ListQueues", request -> {
            throw new IllegalStateException("boom: secret internals");
        });
        try (Endpoint broken = new Endpoint(dir.resolve("broken"), "", failing)) {
            Reply json = broken.json("ListQueues", "{}");
            assertThat(json.status()).isEqualTo(500);
            assertThat(json.headers()).containsEntry("x-amzn-query-error", "InternalError;Receiver");
            assertThat(json.text())
                    .isEqualTo("{\"__type\":\"com.amazonaws.sqs#InternalFailure\","
                            + "\"message\":\"We encountered an internal error. Please try again.\"}");
            Reply xml = broken.query("Action=ListQueues");
            assertThat(xml.status()).isEqualTo(500);
            assertThat(xml.text())
                    .contains("<Type>Receiver</Type><Code>InternalError</Code>")
                    .doesNotContain("boom");
        }
    }

    @Test
    void rejectEncodesAnEarlyErrorInTheRequestsProtocol() {
        SqsException tooLarge = new SqsException(ErrorCode.REQUEST_ENTITY_TOO_LARGE, "Request body too large.");
        HttpResponse json = sqs.endpoint().reject(Endpoint.jsonRequest("SendMessage", "", Map.of()), tooLarge);
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.headers())
                .containsEntry("x-amzn-query-error", "RequestEntityTooLarge;Sender")
                .containsKey("x-amzn-RequestId");
        HttpResponse xml = sqs.endpoint()
                .reject(
                        Endpoint.request("POST", "/", "", Endpoint.headers(null, Map.of(), Map.of()), new byte[0]),
                        tooLarge);
        assertThat(xml.status()).isEqualTo(413);
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("<Code>RequestEntityTooLarge</Code>");
    }
}
