package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one error encoding of each protocol (REFERENCE §1.2, §1.3; ERRORS.md). */
class ErrorEncodingTest {
    private static final Map<String, String> COMMON = Map.of("x-amzn-RequestId", "rid");

    @Test
    void jsonErrorsCarryTypeMessageAndTheQueryErrorHeader() {
        HttpResponse response = JsonProtocol.INSTANCE.error(
                new SqsException(
                        ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist for this wsdl version."),
                "rid",
                COMMON);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers())
                .containsEntry("Content-Type", "application/x-amz-json-1.0")
                .containsEntry("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")
                .containsEntry("x-amzn-RequestId", "rid");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\","
                        + "\"message\":\"The specified queue does not exist.\"}");
    }

    @Test
    void queryErrorsAreErrorResponseDocuments() {
        HttpResponse response = QueryProtocol.INSTANCE.error(
                new SqsException(ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist."), "rid", COMMON);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers())
                .containsEntry("Content-Type", "text/xml")
                .containsEntry("x-amzn-RequestId", "rid")
                .doesNotContainKey("x-amzn-query-error");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">"
                        + "<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>"
                        + "<Message>The specified queue does not exist for this wsdl version.</Message><Detail/></Error>"
                        + "<RequestId>rid</RequestId></ErrorResponse>");
    }

    @Test
    void statusAndFaultComeFromTheErrorCode() {
        SqsException internal = new SqsException(ErrorCode.INTERNAL_ERROR, "We encountered an internal error.");
        HttpResponse json = JsonProtocol.INSTANCE.error(internal, "rid", COMMON);
        assertThat(json.status()).isEqualTo(500);
        assertThat(json.headers()).containsEntry("x-amzn-query-error", "InternalError;Receiver");
        assertThat(new String(json.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"com.amazonaws.sqs#InternalFailure\","
                        + "\"message\":\"We encountered an internal error.\"}");
        HttpResponse xml = QueryProtocol.INSTANCE.error(internal, "rid", COMMON);
        assertThat(xml.status()).isEqualTo(500);
        assertThat(new String(xml.body(), StandardCharsets.UTF_8))
                .contains("<Type>Receiver</Type><Code>InternalError</Code>");

        HttpResponse purge = JsonProtocol.INSTANCE.error(
                new SqsException(
                        ErrorCode.PURGE_QUEUE_IN_PROGRESS,
                        "Only one PurgeQueue operation on q is allowed" + " every 60 seconds."),
                "rid",
                COMMON);
        assertThat(purge.status()).isEqualTo(403);
        assertThat(purge.headers())
                .containsEntry("x-amzn-query-error", "AWS.SimpleQueueService.PurgeQueueInProgress;Sender");
    }

    @Test
    void errorMessagesAreEscapedInBothProtocols() {
        SqsException error = SqsException.invalidParameterValue("<\"&\r>", "MessageGroupId", "bad.");
        assertThat(new String(QueryProtocol.INSTANCE.error(error, "rid", COMMON).body(), StandardCharsets.UTF_8))
                .contains("<Message>Value &lt;&quot;&amp;&#xD;&gt; for parameter MessageGroupId is invalid. Reason:"
                        + " bad.</Message>");
        assertThat(new String(JsonProtocol.INSTANCE.error(error, "rid", COMMON).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"com.amazonaws.sqs#InvalidParameterValueException\","
                        + "\"message\":\"Value <\\\"&\\r> for parameter MessageGroupId is invalid. Reason: bad.\"}");
    }

    @Test
    void jsonErrorBodiesAreByteForByteWhatAnObjectMapperWrites() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String message : Arrays.asList(
                null,
                "",
                "plain",
                "quote \" backslash \\ slash / tab \t newline \n nul \u0000 del \u007f",
                "\u00e9\u20ac\ud83d\ude00 \u2028",
                "x".repeat(9_000))) {
            ObjectNode expected = mapper.createObjectNode();
            expected.put("__type", "com.amazonaws.sqs#InvalidParameterValueException");
            if (message != null) {
                expected.put("message", message);
            }
            HttpResponse response = JsonProtocol.INSTANCE.error(
                    new SqsException(ErrorCode.INVALID_PARAMETER_VALUE, message), "rid", COMMON);
            assertThat(response.body()).isEqualTo(mapper.writeValueAsBytes(expected));
        }
    }

    @Test
    void errorHeadersAddToTheCommonOnesAndReplaceAContentTypeAlreadyThere() {
        HttpResponse response = JsonProtocol.INSTANCE.error(
                new SqsException(ErrorCode.INTERNAL_ERROR, "x"),
                "rid",
                Map.of("x-amzn-RequestId", "rid", "Content-Type", "text/plain", "Date", "d"));
        assertThat(response.headers())
                .containsOnly(
                        Map.entry("x-amzn-RequestId", "rid"),
                        Map.entry("Date", "d"),
                        Map.entry("Content-Type", "application/x-amz-json-1.0"),
                        Map.entry("x-amzn-query-error", "InternalError;Receiver"));
    }
}
