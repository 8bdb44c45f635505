package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON 1.0 bodies → canonical request tree, and the answer to every kind of malformed body. */
class JsonDecodingTest {

    private static ObjectNode decode(String action, byte[] body) {
        WireRequest request = JsonProtocol.INSTANCE.parse(Requests.json(action, body));
        return request.input(ServiceModel.sqs().operation(action).orElseThrow().input(), Map.of());
    }

    private static ObjectNode decode(String action, String body) {
        return decode(action, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSerializationError(String action, String body, String message) {
        assertSerializationError(action, body.getBytes(StandardCharsets.UTF_8), message);
    }

    private static void assertSerializationError(String action, byte[] body, String message) {
        assertThatThrownBy(() -> decode(action, body))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION))
                .hasMessageStartingWith(message);
    }

    @Test
    void theActionComesFromTheTargetHeader() {
        assertThat(JsonProtocol.INSTANCE
                        .parse(Requests.json("SendMessage", "{}"))
                        .action())
                .contains("SendMessage");
    }

    @Test
    void aSendMessageBodyDecodesWithTypedValuesAndBinaryNodes() throws Exception {
        ObjectNode tree = decode(
                "SendMessage",
                "{\"QueueUrl\":\"http://h/000000000000/q\",\"MessageBody\":\"{\\\"order\\\":42}\",\"DelaySeconds\":3,"
                        + "\"MessageAttributes\":{\"blob\":{\"BinaryValue\":\"AAEC/w==\",\"DataType\":\"Binary\"}},"
                        + "\"MessageSystemAttributes\":{\"AWSTraceHeader\":{\"StringValue\":\"Root=1\","
                        + "\"DataType\":\"String\"}},\"Unknown\":{\"deep\":[1,2,3]}}");
        assertThat(tree.get("DelaySeconds").isInt()).isTrue();
        assertThat(tree.get("MessageAttributes").get("blob").get("BinaryValue").binaryValue())
                .containsExactly(0, 1, 2, 255);
        assertThat(tree.has("Unknown")).isFalse();
        assertThat(tree.get("MessageSystemAttributes").toString())
                .isEqualTo("{\"AWSTraceHeader\":{\"StringValue\":\"Root=1\",\"DataType\":\"String\"}}");
    }

    @Test
    void anEmptyBodyOrNullMembersCountAsAbsent() {
        assertThat(decode("ListQueues", "").toString()).isEqualTo("{}");
        assertThat(decode("ListQueues", "{\"QueueNamePrefix\":null,\"MaxResults\":null}")
                        .toString())
                .isEqualTo("{}");
    }

    @Test
    void missingRequiredMembersAreMissingParameter() {
        assertThatThrownBy(() -> decode("SendMessage", "{\"QueueUrl\":\"u\"}"))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER))
                .hasMessage("The request must contain the parameter MessageBody.");
        assertThatThrownBy(() -> decode("DeleteMessageBatch", "{\"QueueUrl\":\"u\",\"Entries\":[{\"Id\":\"a\"}]}"))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER))
                .hasMessage("The request must contain the parameter Entries.1.ReceiptHandle.");
    }

    @Test
    void wrongJsonTypesAreSerializationExceptions() {
        assertSerializationError(
                "ReceiveMessage",
                "{\"QueueUrl\":\"u\",\"MaxNumberOfMessages\":\"10\"}",
                "Cannot deserialize the value of MaxNumberOfMessages: expected an integer, found a string.");
        assertSerializationError(
                "ReceiveMessage",
                "{\"QueueUrl\":\"u\",\"MaxNumberOfMessages\":1.5}",
                "Cannot deserialize the value of MaxNumberOfMessages: expected an integer, found a decimal number.");
        assertSerializationError(
                "ReceiveMessage",
                "{\"QueueUrl\":\"u\",\"WaitTimeSeconds\":99999999999}",
                "Cannot deserialize the value of WaitTimeSeconds: expected an integer, found the number 99999999999.");
        assertSerializationError(
                "SendMessage",
                "{\"QueueUrl\":{\"a\":1},\"MessageBody\":\"x\"}",
                "Cannot deserialize the value of QueueUrl: expected a string, found an object.");
        assertSerializationError(
                "CreateQueue",
                "{\"QueueName\":\"q\",\"Attributes\":{\"DelaySeconds\":5}}",
                "Cannot deserialize the value of Attributes.DelaySeconds: expected a string, found the number 5.");
        assertSerializationError(
                "GetQueueAttributes",
                "{\"QueueUrl\":\"u\",\"AttributeNames\":\"All\"}",
                "Cannot deserialize the value of AttributeNames: expected a list, found a string.");
        assertSerializationError(
                "SendMessageBatch",
                "{\"QueueUrl\":\"u\",\"Entries\":[null]}",
                "Cannot deserialize the value of Entries.1: expected a list element, found null.");
    }

    @Test
    void badBase64IsInvalidParameterValue() {
        assertThatThrownBy(() -> decode(
                        "SendMessage",
                        "{\"QueueUrl\":\"u\",\"MessageBody\":\"x\",\"MessageAttributes\":{\"b\":"
                                + "{\"DataType\":\"Binary\",\"BinaryValue\":\"!!\"}}}"))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessage("Value !! for parameter MessageAttributes.b.BinaryValue is invalid. Reason: Must be"
                        + " base64-encoded binary data.");
    }

    @Test
    void malformedBodiesAreSerializationExceptions() {
        assertSerializationError("ListQueues", "{\"QueueNamePrefix\":", "The request body is not valid JSON: ");
        assertSerializationError("ListQueues", "{} {}", "The request body is not valid JSON: ");
        assertSerializationError("ListQueues", "[1,2]", "The request body must be a JSON object.");
        assertSerializationError("ListQueues", "\"text\"", "The request body must be a JSON object.");
        assertSerializationError(
                "ListQueues",
                "{\"QueueNamePrefix\":\"a\",\"QueueNamePrefix\":\"b\"}",
                "The request body is not valid JSON: Duplicate field 'QueueNamePrefix'");
        assertSerializationError(
                "ListQueues",
                "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "The request body is not valid JSON: ");
    }

    @Test
    void invalidUtf8InAJsonBodyIsASerializationException() {
        byte[] prefix = "{\"QueueUrl\":\"u\",\"MessageBody\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = '"';
        body[prefix.length + 2] = '}';
        assertSerializationError("SendMessage", body, "The request body is not valid JSON: Invalid UTF-8");
    }
}
