package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {
    private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    /** REFERENCE §6.1. */
    @Test
    void bodyAllowsTheXmlCharacterSetOnly() {
        assertThat(MessageValidator.isAllowedText("tab\there\r\nok \uD7FF \uE000 \uFFFD"))
                .isTrue();
        assertThat(MessageValidator.isAllowedText("emoji \uD83D\uDE00")).isTrue();
        assertThat(MessageValidator.isAllowedText("\u0001")).isFalse();
        assertThat(MessageValidator.isAllowedText("\uFFFE")).isFalse();
        assertThat(MessageValidator.isAllowedText("\uFFFF")).isFalse();
        assertThat(MessageValidator.isAllowedText("lone high \uD83D")).isFalse();
        assertThat(MessageValidator.isAllowedText("lone low \uDE00 x")).isFalse();
        assertThat(MessageValidator.isAllowedText("reversed \uDE00\uD83D")).isFalse();
    }

    @Test
    void forbiddenBodyCharacterIsInvalidMessageContents() {
        assertError(
                () -> MessageValidator.validateBody("a\u0000b"),
                ErrorCode.INVALID_MESSAGE_CONTENTS,
                MessageValidator.INVALID_CHARACTERS);
    }

    /** The send path sizes, digests and stores these bytes, so they must be exactly the UTF-8 the size rules count. */
    @Test
    void utf8BodyIsTheValidatedBodyEncodedOnce() {
        String body = "a\u00e9\u20ac\uD83D\uDE00\t\uFFFD\uD7FF\uE000";
        byte[] utf8 = MessageValidator.utf8Body(body);
        assertThat(utf8).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat((long) utf8.length)
                .isEqualTo(MessageValidator.utf8Length(body))
                .isEqualTo(1 + 2 + 3 + 4 + 1 + 3 + 3 + 3);
        assertThat(MessageValidator.messageSize(utf8.length, null)).isEqualTo(MessageValidator.messageSize(body, null));

        // The encoder would turn an unpaired surrogate into '?'; it must be rejected before that.
        assertError(
                () -> MessageValidator.utf8Body("lone \uD83D"),
                ErrorCode.INVALID_MESSAGE_CONTENTS,
                MessageValidator.INVALID_CHARACTERS);
        assertError(
                () -> MessageValidator.utf8Body(null),
                ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter MessageBody.");
    }

    @Test
    void emptyBodyIsMissingParameter() {
        assertError(
                () -> MessageValidator.validateBody(""),
                ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter MessageBody.");
    }

    /** REFERENCE §6.2: body plus attribute names, types and values; the bound is inclusive. */
    @Test
    void sizeCountsBodyAndAttributesAndIsInclusive() {
        Map<String, MessageAttributeValue> attrs = Map.of(
                "n", MessageAttributeValue.ofString("String", "é"),
                "b", MessageAttributeValue.ofBinary("Binary", new byte[3]));
        long size = MessageValidator.messageSize("ab\uD83D\uDE00", attrs);
        assertThat(size).isEqualTo(2 + 4 + (1 + 6 + 2) + (1 + 6 + 3));
        MessageValidator.checkSize(1024, 1024, false);
        assertError(
                () -> MessageValidator.checkSize(1025, 1024, false),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.");
        assertError(
                () -> MessageValidator.checkSize(1025, 1024, true),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.");
    }

    @Test
    void emptyAttributeValueUsesAwsWording() {
        assertError(
                () -> MessageValidator.validateAttributes(
                        Map.of("ErrorDetails", MessageAttributeValue.ofString("String", ""))),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.");
    }

    @Test
    void atMostTenAttributes() {
        Map<String, MessageAttributeValue> attrs = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            attrs.put("a" + i, MessageAttributeValue.ofString("String", "v"));
        }
        assertThatThrownBy(() -> MessageValidator.validateAttributes(attrs))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("[11]");
        attrs.remove("a10");
        MessageValidator.validateAttributes(attrs);
    }

    /** REFERENCE §6.3 name rules. */
    @Test
    void attributeNamesFollowSqsRules() {
        for (String bad : new String[] {"AWS.x", "amazon.y", ".x", "x.", "a..b", "sp ace", "ü"}) {
            assertThatThrownBy(() -> MessageValidator.validateAttributeName(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
        }
        MessageValidator.validateAttributeName("a.b-c_D9");
    }

    @Test
    void dataTypesAndValuesAreChecked() {
        MessageValidator.validateAttributes(Map.of(
                "n", MessageAttributeValue.ofString("Number.float", "-1.5e10"),
                "s", MessageAttributeValue.ofString("String.json", "{}"),
                "b", MessageAttributeValue.ofBinary("Binary.png", new byte[] {1})));
        assertError(
                () -> MessageValidator.validateAttributes(Map.of("x", MessageAttributeValue.ofString("Text", "v"))),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "The type of message (user) attribute 'x' is invalid. You must use only the following supported type"
                        + " prefixes: Binary, Number, String.");
        assertThatThrownBy(() -> MessageValidator.validateAttributes(
                        Map.of("x", MessageAttributeValue.ofString("Number", "abc"))))
                .hasMessageContaining("to a number");
        assertThatThrownBy(() -> MessageValidator.validateAttributes(
                        Map.of("x", MessageAttributeValue.ofString("String", "a\u0002"))))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
        assertThat(MessageValidator.isSqsNumber("1" + "0".repeat(126))).isTrue();
        assertThat(MessageValidator.isSqsNumber("1" + "0".repeat(127))).isFalse();
        assertThat(MessageValidator.isSqsNumber("1".repeat(39))).isFalse();
    }

    @Test
    void onlyAwsTraceHeaderIsASystemAttribute() {
        MessageValidator.validateSystemAttributes(
                Map.of("AWSTraceHeader", MessageAttributeValue.ofString("String", "Root=1-abc")));
        assertError(
                () -> MessageValidator.validateSystemAttributes(
                        Map.of("Hello", MessageAttributeValue.ofString("String", "World"))),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Message system attribute name 'Hello' is invalid.");
    }

    /** REFERENCE §2.8 group and deduplication ids. */
    @Test
    void groupIdsAreAlphanumericOrPunctuation() {
        MessageValidator.validateId("a-b!~", "MessageGroupId");
        assertError(
                () -> MessageValidator.validateId("has space", "MessageGroupId"),
                ErrorCode.INVALID_PARAMETER_VALUE,
                "Value has space for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include"
                        + " alphanumeric and punctuation characters. 1 to 128 in length.");
        assertThatThrownBy(() -> MessageValidator.validateId("x".repeat(129), "MessageDeduplicationId"))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> MessageValidator.validateId("", "MessageGroupId"))
                .isInstanceOf(SqsException.class);
    }
}
