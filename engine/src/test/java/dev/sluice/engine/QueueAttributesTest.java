package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class QueueAttributesTest {
    private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    /** REFERENCE §3: the defaults of a new queue. */
    @Test
    void newQueueDefaultsAreTodaysAwsValues() {
        assertThat(QueueAttributes.defaults(false))
                .containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("MessageRetentionPeriod", "345600")
                .containsEntry("VisibilityTimeout", "30")
                .containsEntry("DelaySeconds", "0")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "0")
                .containsEntry("SqsManagedSseEnabled", "true")
                .doesNotContainKey("FifoQueue");
        assertThat(QueueAttributes.defaults(true))
                .containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "false")
                .containsEntry("DeduplicationScope", "queue")
                .containsEntry("FifoThroughputLimit", "perQueue");
    }

    @Test
    void valuesAreRangeCheckedAndNormalised() {
        assertThat(QueueAttributes.validate(Map.of("VisibilityTimeout", "030"), false, true))
                .containsEntry("VisibilityTimeout", "30");
        assertError(
                () -> QueueAttributes.validate(Map.of("DelaySeconds", "901"), false, true),
                ErrorCode.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter DelaySeconds. Reason: Must be between 0 and 900.");
        assertThatThrownBy(() -> QueueAttributes.validate(Map.of("MaximumMessageSize", "1023"), false, true))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueAttributes.validate(Map.of("MessageRetentionPeriod", "x"), false, true))
                .isInstanceOf(SqsException.class);
        assertError(
                () -> QueueAttributes.validate(Map.of("Foobar", "1"), false, true),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute Foobar.");
        assertError(
                () -> QueueAttributes.validate(Map.of("QueueArn", "x"), false, true),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute QueueArn.");
    }

    /** REFERENCE §2.1 FIFO-only attributes on a standard queue. */
    @Test
    void fifoOnlyAttributesOnStandardQueueAreInvalidAttributeName() {
        assertError(
                () -> QueueAttributes.validate(Map.of("FifoQueue", "false"), false, true),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute FifoQueue.");
        assertError(
                () -> QueueAttributes.validate(Map.of("ContentBasedDeduplication", "true"), false, true),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute ContentBasedDeduplication.");
        assertError(
                () -> QueueAttributes.validate(Map.of("DeduplicationScope", "queue"), false, true),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "You can specify the DeduplicationScope only when FifoQueue is set to true.");
        assertError(
                () -> QueueAttributes.validate(Map.of("FifoThroughputLimit", "perQueue"), false, true),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "You can specify the FifoThroughputLimit only when FifoQueue is set to true.");
    }

    @Test
    void fifoQueueTypeCannotBeChanged() {
        assertThat(QueueAttributes.validate(Map.of("FifoQueue", "true"), true, false))
                .containsEntry("FifoQueue", "true");
        assertError(
                () -> QueueAttributes.validate(Map.of("FifoQueue", "false"), true, false),
                ErrorCode.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.");
    }

    @Test
    void highThroughputNeedsMessageGroupScope() {
        Map<String, String> change =
                QueueAttributes.validate(Map.of("FifoThroughputLimit", "perMessageGroupId"), true, false);
        assertThatThrownBy(() -> QueueAttributes.merge(QueueAttributes.defaults(true), change))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ATTRIBUTE_VALUE));
        Map<String, String> both = QueueAttributes.validate(
                Map.of("FifoThroughputLimit", "perMessageGroupId", "DeduplicationScope", "messageGroup"), true, false);
        assertThat(QueueAttributes.merge(QueueAttributes.defaults(true), both))
                .containsEntry("FifoThroughputLimit", "perMessageGroupId");
    }

    @Test
    void redrivePolicyIsValidatedAndNormalised() {
        Map<String, String> v = QueueAttributes.validate(
                Map.of(
                        "RedrivePolicy",
                        "{\"maxReceiveCount\": \"7\", \"deadLetterTargetArn\": \"arn:aws:sqs:us-east-1:000000000000:dlq\"}"),
                false,
                true);
        assertThat(v.get("RedrivePolicy"))
                .isEqualTo(
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\",\"maxReceiveCount\":7}");
        assertThatThrownBy(
                        () -> QueueAttributes.validate(Map.of("RedrivePolicy", "{\"maxReceiveCount\":1}"), false, true))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessageContaining("deadLetterTargetArn");
        assertThatThrownBy(() -> QueueAttributes.validate(
                        Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"a\",\"maxReceiveCount\":1001}"),
                        false,
                        true))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueAttributes.validate(Map.of("RedrivePolicy", "not json"), false, true))
                .isInstanceOf(SqsException.class);
        assertThat(QueueAttributes.merge(Map.of("RedrivePolicy", "x"), Map.of("RedrivePolicy", "")))
                .doesNotContainKey("RedrivePolicy");
    }

    @Test
    void redriveAllowPolicyRules() {
        assertThat(RedriveAllowPolicy.parse("{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"a\"]}")
                        .allows("a"))
                .isTrue();
        assertThat(RedriveAllowPolicy.parse("{\"redrivePermission\":\"denyAll\"}")
                        .allows("a"))
                .isFalse();
        assertThatThrownBy(() -> RedriveAllowPolicy.parse("{\"redrivePermission\":\"byQueue\"}"))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() ->
                        RedriveAllowPolicy.parse("{\"redrivePermission\":\"allowAll\",\"sourceQueueArns\":[\"a\"]}"))
                .isInstanceOf(SqsException.class);
    }

    @Test
    void sseSqsAndSseKmsExcludeEachOther() {
        assertError(
                () -> QueueAttributes.validate(
                        Map.of("KmsMasterKeyId", "alias/aws/sqs", "SqsManagedSseEnabled", "true"), false, false),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or"
                        + " SQS SSE.");
        Map<String, String> merged = QueueAttributes.merge(
                QueueAttributes.defaults(false),
                QueueAttributes.validate(Map.of("KmsMasterKeyId", "alias/aws/sqs"), false, false));
        assertThat(merged).containsEntry("SqsManagedSseEnabled", "false");
        assertThat(QueueAttributes.visible(merged)).containsEntry("KmsDataKeyReusePeriodSeconds", "300");
        assertThat(QueueAttributes.visible(QueueAttributes.defaults(false)))
                .doesNotContainKey("KmsDataKeyReusePeriodSeconds");
    }

    @Test
    void queueNamesFollowSqsRules() {
        QueueNames.validate("a-b_C9", false);
        QueueNames.validate("x".repeat(75) + ".fifo", true);
        assertThatThrownBy(() -> QueueNames.validate("x".repeat(81), false)).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueNames.validate("has space", false)).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueNames.validate("q.fifo", false))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
        assertThatThrownBy(() -> QueueNames.validate("q", true)).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueNames.validate("x".repeat(76) + ".fifo", true))
                .isInstanceOf(SqsException.class);
    }

    @Test
    void tagsFollowSqsRules() {
        assertThat(QueueTags.validate(Map.of("team", "", "env:stage", "a b/c=d+e-f@g_h.i")))
                .containsEntry("team", "");
        assertThatThrownBy(() -> QueueTags.validate(Map.of("aws:x", "v"))).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueTags.validate(Map.of("", "v"))).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueTags.validate(Map.of("k".repeat(129), "v")))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueTags.validate(Map.of("k", "v".repeat(257))))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> QueueTags.validate(Map.of("k", "semi;colon"))).isInstanceOf(SqsException.class);
    }
}
