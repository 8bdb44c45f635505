package dev.sluice.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one message against SQS's rules (REFERENCE §2.8, §6.1-§6.3) with AWS's error codes and wording: allowed
 * characters, size including user attributes, attribute names, types and values, system attributes, group and
 * deduplication ids.
 */
public final class MessageValidator {
    public static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_ATTRIBUTE_NAME = 256;
    private static final int MAX_DATA_TYPE = 256;
    private static final int MAX_ID_LENGTH = 128;
    static final String INVALID_CHARACTERS = "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD"
            + " | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF";

    private MessageValidator() {}

    /** The body is present, non-empty and made of allowed characters only. */
    public static void validateBody(String body) {
        utf8Body(body);
    }

    /**
     * {@link #validateBody}, then the body's UTF-8 bytes: the send path encodes a body once and uses these bytes for
     * the size check, the MD5 and the stored payload. Their length is {@link #utf8Length} of the body, since an
     * allowed body has no unpaired surrogate (the only chars the encoder would replace).
     */
    public static byte[] utf8Body(String body) {
        if (body == null || body.isEmpty()) {
            throw SqsException.missingParameter("MessageBody");
        }
        if (!isAllowedText(body)) {
            throw new SqsException(ErrorCode.INVALID_MESSAGE_CONTENTS, INVALID_CHARACTERS);
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * True when every character is in the XML 1.0 set SQS accepts (§6.1): #x9, #xA, #xD, #x20-#xD7FF, #xE000-#xFFFD
     * and #x10000-#x10FFFF; an unpaired surrogate fails.
     */
    public static boolean isAllowedText(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue;
            }
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    /** Validates the user attributes of a message (§6.3); {@code null} means none. */
    public static void validateAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid("Number of message attributes [" + attributes.size() + "] exceeds the allowed maximum ["
                    + MAX_ATTRIBUTES + "].");
        }
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            validateAttributeName(e.getKey());
            validateAttributeValue(e.getKey(), e.getValue(), "(user)");
        }
    }

    /** Only {@code AWSTraceHeader}, of type {@code String}, may be sent as a system attribute (§2.8). */
    public static void validateSystemAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return;
        }
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            if (!"AWSTraceHeader".equals(e.getKey())) {
                throw invalid("Message system attribute name '" + e.getKey() + "' is invalid.");
            }
            MessageAttributeValue v = e.getValue();
            if (v == null || !"String".equals(v.dataType())) {
                throw invalid("Message system attribute 'AWSTraceHeader' must be of type 'String'.");
            }
            validateAttributeValue(e.getKey(), v, "system");
        }
    }

    static void validateAttributeName(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid("The message (user) attribute name must not be empty.");
        }
        if (name.length() > MAX_ATTRIBUTE_NAME) {
            throw invalid("Message (user) attribute name '" + name + "' is invalid. Its length must not exceed "
                    + MAX_ATTRIBUTE_NAME + " characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.';
            if (!ok) {
                throw invalid("Message (user) attribute name '" + name + "' is invalid. Attribute names can only"
                        + " contain alphanumeric characters, hyphens, periods and underscores.");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw invalid("You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These strings"
                    + " are reserved for internal use by Amazon SQS. Attribute name: '" + name + "'.");
        }
        if (name.startsWith(".") || name.endsWith(".")) {
            throw invalid("Message (user) attribute name '" + name + "' must not start or end with a period (.).");
        }
        if (name.contains("..")) {
            throw invalid("Message (user) attribute name '" + name + "' must not have successive '.' characters.");
        }
    }

    private static void validateAttributeValue(String name, MessageAttributeValue v, String kind) {
        if (v == null || v.dataType() == null || v.dataType().isEmpty()) {
            throw invalid("The message " + kind + " attribute '" + name
                    + "' must contain a non-empty message attribute type.");
        }
        String type = v.dataType();
        int dot = type.indexOf('.');
        String base = dot < 0 ? type : type.substring(0, dot);
        boolean knownBase = base.equals("String") || base.equals("Number") || base.equals("Binary");
        if (!knownBase || type.length() > MAX_DATA_TYPE || (dot >= 0 && !isAllowedText(type))) {
            throw invalid("The type of message " + kind + " attribute '" + name
                    + "' is invalid. You must use only the following supported type prefixes: Binary, Number,"
                    + " String.");
        }
        if (base.equals("Binary")) {
            if (v.binaryValue() == null || v.binaryValue().length == 0 || v.stringValue() != null) {
                throw invalid("Message " + kind + " attribute '" + name + "' must contain a non-empty value of type '"
                        + type + "'.");
            }
            return;
        }
        if (v.stringValue() == null || v.stringValue().isEmpty() || v.binaryValue() != null) {
            throw invalid("Message " + kind + " attribute '" + name + "' must contain a non-empty value of type '"
                    + type + "'.");
        }
        if (!isAllowedText(v.stringValue())) {
            throw invalid(
                    "Message " + kind + " attribute '" + name + "' contains invalid characters. " + INVALID_CHARACTERS);
        }
        if (base.equals("Number") && !isSqsNumber(v.stringValue())) {
            throw invalid("Can't cast the value of message " + kind + " attribute '" + name + "' to a number.");
        }
    }

    /** Up to 38 significant digits, magnitude between 10^-128 and 10^+126 (§6.3). */
    static boolean isSqsNumber(String s) {
        BigDecimal d;
        try {
            d = new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (d.signum() == 0) {
            return true;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.precision() > 38) {
            return false;
        }
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        return exponent >= -128 && exponent <= 126;
    }

    /** Bytes that count toward MaximumMessageSize: the body plus every user attribute's name, type and value. */
    public static long messageSize(String body, Map<String, MessageAttributeValue> attributes) {
        return messageSize(utf8Length(body), attributes);
    }

    /** {@link #messageSize(String, Map)} for a body already known to be {@code bodyBytes} long in UTF-8. */
    public static long messageSize(long bodyBytes, Map<String, MessageAttributeValue> attributes) {
        long size = bodyBytes;
        if (attributes != null) {
            for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
                MessageAttributeValue v = e.getValue();
                size += utf8Length(e.getKey()) + utf8Length(v.dataType());
                size += v.stringValue() != null
                        ? utf8Length(v.stringValue())
                        : (v.binaryValue() == null ? 0 : v.binaryValue().length);
            }
        }
        return size;
    }

    /**
     * The message fits the queue's MaximumMessageSize (inclusive); SendMessage and a batch entry word the error
     * differently (§2.8, §2.9).
     */
    public static void checkSize(long size, int maximum, boolean batchEntry) {
        if (size > maximum) {
            throw invalid("One or more parameters " + (batchEntry ? "cannot be validated" : "are invalid")
                    + ". Reason: Message must be shorter than " + maximum + " bytes.");
        }
    }

    /** MessageGroupId, MessageDeduplicationId and ReceiveRequestAttemptId: 1-128 alphanumeric or punctuation. */
    public static void validateId(String value, String parameter) {
        if (!isAlphanumericOrPunctuation(value, MAX_ID_LENGTH)) {
            throw SqsException.invalidParameterValue(
                    value,
                    parameter,
                    parameter + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    static boolean isAlphanumericOrPunctuation(String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    static long utf8Length(String s) {
        long n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static SqsException invalid(String message) {
        return new SqsException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
