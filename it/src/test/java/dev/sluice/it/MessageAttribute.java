package dev.sluice.it;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user message attribute as a client sends and receives it: a data type and exactly one of a string or a binary
 * value.
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {
    public MessageAttribute {
        Objects.requireNonNull(dataType, "dataType");
        if ((stringValue == null) == (binaryValue == null)) {
            throw new IllegalArgumentException("exactly one of stringValue and binaryValue");
        }
        binaryValue = binaryValue == null ? null : binaryValue.clone();
    }

    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }

    public static MessageAttribute ofType(String dataType, String value) {
        return new MessageAttribute(dataType, value, null);
    }

    public static MessageAttribute binary(byte... value) {
        return new MessageAttribute("Binary", null, value);
    }

    @Override
    public byte[] binaryValue() {
        return binaryValue == null ? null : binaryValue.clone();
    }

    public boolean isBinary() {
        return binaryValue != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageAttribute other
                && dataType.equals(other.dataType)
                && Objects.equals(stringValue, other.stringValue)
                && Arrays.equals(binaryValue, other.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue));
    }

    @Override
    public String toString() {
        return dataType + "="
                + (binaryValue == null
                        ? stringValue
                        : "0x" + java.util.HexFormat.of().formatHex(binaryValue));
    }
}
