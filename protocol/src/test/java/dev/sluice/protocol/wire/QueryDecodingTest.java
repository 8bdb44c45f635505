package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.model.ServiceModel;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Query parameters → canonical request tree, for every flattened form of REFERENCE §1.3. */
class QueryDecodingTest {

    private static ObjectNode decode(String action, String form) {
        WireRequest request = QueryProtocol.INSTANCE.parse(Requests.form("Action=" + action + "&" + form));
        assertThat(request.action()).contains(action);
        return request.input(ServiceModel.sqs().operation(action).orElseThrow().input(), Map.of());
    }

    private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void queueAttributesAndTagsBecomeMapsWhateverTheIndexGaps() {
        ObjectNode tree = decode(
                "CreateQueue",
                "QueueName=q1&Attribute.3.Name=DelaySeconds&Attribute.3.Value=5"
                        + "&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=60"
                        + "&Tag.1.Key=team&Tag.1.Value=core&Tag.7.Key=empty&Tag.7.Value=");
        assertThat(tree.toString())
                .isEqualTo("{\"QueueName\":\"q1\",\"Attributes\":{\"VisibilityTimeout\":\"60\",\"DelaySeconds\":\"5\"},"
                        + "\"tags\":{\"team\":\"core\",\"empty\":\"\"}}");
    }

    @Test
    void attributeNamesAcceptIndexedAndUnindexedForms() {
        assertThat(decode("GetQueueAttributes", "QueueUrl=u&AttributeName.2=QueueArn&AttributeName.1=DelaySeconds")
                        .get("AttributeNames")
                        .toString())
                .isEqualTo("[\"DelaySeconds\",\"QueueArn\"]");
        assertThat(decode("GetQueueAttributes", "QueueUrl=u&AttributeName=All")
                        .get("AttributeNames")
                        .toString())
                .isEqualTo("[\"All\"]");
    }

    @Test
    void unindexedMapEntriesAndBatchEntriesCountAsTheFirst() {
        assertThat(decode("SetQueueAttributes", "QueueUrl=u&Attribute.Name=DelaySeconds&Attribute.Value=5")
                        .get("Attributes")
                        .toString())
                .isEqualTo("{\"DelaySeconds\":\"5\"}");
        assertThat(decode(
                                "DeleteMessageBatch",
                                "QueueUrl=u&DeleteMessageBatchRequestEntry.Id=a"
                                        + "&DeleteMessageBatchRequestEntry.ReceiptHandle=h"
                                        + "&DeleteMessageBatchRequestEntry.2.Id=b"
                                        + "&DeleteMessageBatchRequestEntry.2.ReceiptHandle=i")
                        .get("Entries")
                        .toString())
                .isEqualTo("[{\"Id\":\"a\",\"ReceiptHandle\":\"h\"},{\"Id\":\"b\",\"ReceiptHandle\":\"i\"}]");
    }

    @Test
    void receiveMessageListsAndIntegersDecode() {
        ObjectNode tree = decode(
                "ReceiveMessage",
                "QueueUrl=u&AttributeName.1=SentTimestamp&MessageSystemAttributeName.1=SenderId"
                        + "&MessageAttributeName.1=All&MessageAttributeName.2=foo.*&MaxNumberOfMessages=10"
                        + "&VisibilityTimeout=0&WaitTimeSeconds=20&ReceiveRequestAttemptId=r1");
        assertThat(tree.toString())
                .isEqualTo("{\"QueueUrl\":\"u\",\"AttributeNames\":[\"SentTimestamp\"],"
                        + "\"MessageSystemAttributeNames\":[\"SenderId\"],\"MessageAttributeNames\":[\"All\",\"foo.*\"],"
                        + "\"MaxNumberOfMessages\":10,\"VisibilityTimeout\":0,\"WaitTimeSeconds\":20,"
                        + "\"ReceiveRequestAttemptId\":\"r1\"}");
        assertThat(tree.get("MaxNumberOfMessages").isInt()).isTrue();
    }

    @Test
    void messageAttributesAndSystemAttributesDecodeWithBinaryValues() throws Exception {
        ObjectNode tree = decode(
                "SendMessage",
                "QueueUrl=u&MessageBody=hi&DelaySeconds=1"
                        + "&MessageAttribute.1.Name=a&MessageAttribute.1.Value.DataType=String"
                        + "&MessageAttribute.1.Value.StringValue=x"
                        + "&MessageAttribute.2.Name=b&MessageAttribute.2.Value.DataType=Binary"
                        + "&MessageAttribute.2.Value.BinaryValue=AAE%3D"
                        + "&MessageSystemAttribute.1.Name=AWSTraceHeader"
                        + "&MessageSystemAttribute.1.Value.DataType=String"
                        + "&MessageSystemAttribute.1.Value.StringValue=Root%3D1-x"
                        + "&MessageGroupId=g&MessageDeduplicationId=d");
        JsonNode attributes = tree.get("MessageAttributes");
        assertThat(attributes.get("a").toString()).isEqualTo("{\"StringValue\":\"x\",\"DataType\":\"String\"}");
        assertThat(attributes.get("b").get("BinaryValue").isBinary()).isTrue();
        assertThat(attributes.get("b").get("BinaryValue").binaryValue()).containsExactly(0, 1);
        assertThat(tree.get("MessageSystemAttributes").toString())
                .isEqualTo("{\"AWSTraceHeader\":{\"StringValue\":\"Root=1-x\",\"DataType\":\"String\"}}");
        assertThat(tree.get("DelaySeconds").intValue()).isEqualTo(1);
        assertThat(tree.get("MessageGroupId").asText()).isEqualTo("g");
        assertThat(tree.get("MessageDeduplicationId").asText()).isEqualTo("d");
    }

    @Test
    void sendMessageBatchEntriesDecodeInIndexOrderWithNestedAttributes() {
        ObjectNode tree = decode(
                "SendMessageBatch",
                "QueueUrl=u&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two"
                        + "&SendMessageBatchRequestEntry.2.DelaySeconds=3"
                        + "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one"
                        + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Name=k"
                        + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType=Number"
                        + "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue=5");
        assertThat(tree.get("Entries").toString())
                .isEqualTo("[{\"Id\":\"a\",\"MessageBody\":\"one\",\"MessageAttributes\":"
                        + "{\"k\":{\"StringValue\":\"5\",\"DataType\":\"Number\"}}},"
                        + "{\"Id\":\"b\",\"MessageBody\":\"two\",\"DelaySeconds\":3}]");
    }

    @Test
    void deleteAndVisibilityBatchEntriesDecode() {
        assertThat(decode(
                                "DeleteMessageBatch",
                                "QueueUrl=u&DeleteMessageBatchRequestEntry.1.Id=x"
                                        + "&DeleteMessageBatchRequestEntry.1.ReceiptHandle=h1")
                        .get("Entries")
                        .toString())
                .isEqualTo("[{\"Id\":\"x\",\"ReceiptHandle\":\"h1\"}]");
        assertThat(decode(
                                "ChangeMessageVisibilityBatch",
                                "QueueUrl=u&ChangeMessageVisibilityBatchRequestEntry.1.Id=x"
                                        + "&ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle=h1"
                                        + "&ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout=30")
                        .get("Entries")
                        .toString())
                .isEqualTo("[{\"Id\":\"x\",\"ReceiptHandle\":\"h1\",\"VisibilityTimeout\":30}]");
    }

    @Test
    void tagQueueAcceptsTagAndTagsPrefixesAndUntagQueueTakesTagKeys() {
        assertThat(decode("TagQueue", "QueueUrl=u&Tag.1.Key=a&Tag.1.Value=1&Tags.2.Key=b&Tags.2.Value=2")
                        .get("Tags")
                        .toString())
                .isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(decode("UntagQueue", "QueueUrl=u&TagKey.1=a&TagKey.2=b")
                        .get("TagKeys")
                        .toString())
                .isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void anAbsentOrEmptyBatchListReadsAsEmptySoTheEngineAnswersEmptyBatchRequest() {
        assertThat(decode("DeleteMessageBatch", "QueueUrl=u").get("Entries").toString())
                .isEqualTo("[]");
        assertThat(decode("DeleteMessageBatch", "QueueUrl=u&Entries=")
                        .get("Entries")
                        .toString())
                .isEqualTo("[]");
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(decode("ListQueues", "Version=2012-11-05&Foo.1.Bar=x&QueueNamePrefix=p&Expires=2030")
                        .toString())
                .isEqualTo("{\"QueueNamePrefix\":\"p\"}");
    }

    @Test
    void missingRequiredMembersAreMissingParameter() {
        assertError(
                () -> decode("SendMessage", "QueueUrl=u"),
                ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter MessageBody.");
        assertError(
                () -> decode("SendMessageBatch", "QueueUrl=u&SendMessageBatchRequestEntry.1.Id=a"),
                ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter SendMessageBatchRequestEntry.1.MessageBody.");
        assertError(
                () -> decode(
                        "SendMessage",
                        "QueueUrl=u&MessageBody=x&MessageAttribute.1.Name=a"
                                + "&MessageAttribute.1.Value.StringValue=v"),
                ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter MessageAttribute.1.Value.DataType.");
        assertError(
                () -> decode("CreateQueue", "QueueName=q&Attribute.1.Name=DelaySeconds"),
                ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter Attribute.1.Value.");
        assertError(
                () -> decode("CreateQueue", "QueueName=q&Attribute.1.Value=5"),
                ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter Attribute.1.Name.");
    }

    @Test
    void malformedScalarsAreInvalidParameterValue() {
        assertError(
                () -> decode("ReceiveMessage", "QueueUrl=u&MaxNumberOfMessages=ten"),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Value ten for parameter MaxNumberOfMessages is invalid. Reason: Must be an integer.");
        assertError(
                () -> decode("ReceiveMessage", "QueueUrl=u&WaitTimeSeconds=99999999999"),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Value 99999999999 for parameter WaitTimeSeconds is invalid. Reason: Must be an integer.");
        assertError(
                () -> decode("ReceiveMessage", "QueueUrl=u&VisibilityTimeout=1.5"),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Value 1.5 for parameter VisibilityTimeout is invalid. Reason: Must be an integer.");
        assertError(
                () -> decode(
                        "SendMessage",
                        "QueueUrl=u&MessageBody=x&MessageAttribute.1.Name=b"
                                + "&MessageAttribute.1.Value.DataType=Binary&MessageAttribute.1.Value.BinaryValue=%21%21"),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Value !! for parameter MessageAttribute.1.Value.BinaryValue is invalid. Reason: Must be"
                        + " base64-encoded binary data.");
    }

    @Test
    void listIndicesMustBePositiveIntegers() {
        String reason = " does not have a list index from 1 to 2147483647.";
        String prefix = "The AWS query string is malformed or does not adhere to AWS standards: parameter ";
        assertError(
                () -> decode("GetQueueAttributes", "QueueUrl=u&AttributeName.x=All"),
                ErrorCode.INVALID_QUERY_PARAMETER,
                prefix + "AttributeName.x" + reason);
        assertError(
                () -> decode("CreateQueue", "QueueName=q&Attribute.99999999999.Name=DelaySeconds"),
                ErrorCode.INVALID_QUERY_PARAMETER,
                prefix + "Attribute.99999999999" + reason);
        assertError(
                () -> decode("CreateQueue", "QueueName=q&Attribute.0.Name=DelaySeconds&Attribute.0.Value=1"),
                ErrorCode.INVALID_QUERY_PARAMETER,
                prefix + "Attribute.0" + reason);
        assertError(
                () -> decode("GetQueueAttributes", "QueueUrl=u&AttributeName.-1=All"),
                ErrorCode.INVALID_QUERY_PARAMETER,
                prefix + "AttributeName.-1" + reason);
    }

    @Test
    void aLargeIndexWithinRangeIsJustSorted() {
        assertThat(decode("GetQueueAttributes", "QueueUrl=u&AttributeName.2147483647=B&AttributeName.5=A")
                        .get("AttributeNames")
                        .toString())
                .isEqualTo("[\"A\",\"B\"]");
    }
}
