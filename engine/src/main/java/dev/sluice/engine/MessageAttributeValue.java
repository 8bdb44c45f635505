package dev.sluice.engine;

import java.util.Objects;

/**
 * One message attribute (user or system) exactly as sent: the data type including any custom suffix
 * ({@code Number.int}), and either a string value (String and Number types) or the decoded bytes of a binary value.
 * Exactly one of {@code stringValue} and {@code binaryValue} is non-null once validated.
 */
public record MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {
    public MessageAttributeValue {
        Objects.requireNonNull(dataType, "dataType");
    }

    public static MessageAttributeValue ofString(String dataType, String value) {
        return new MessageAttributeValue(dataType, value, null);
    }

    public static MessageAttributeValue ofBinary(String dataType, byte[] value) {
        return new MessageAttributeValue(dataType, null, value);
    }
}
