package dev.sluice.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.model.Shape;
import java.util.Base64;

/**
 * Typed scalar values from text, shared by both codecs: Query sends every scalar as text, JSON sends blobs as
 * base64 text. A value that does not fit its type is InvalidParameterValue, as AWS answers malformed scalars.
 */
final class Conversions {
    /** Longer values are cut in error messages so that an error never echoes a megabyte back. */
    private static final int MAX_ECHO = 256;

    private Conversions() {}

    static JsonNode scalar(String text, Shape shape, String parameter) {
        return switch (shape.type()) {
            case STRING -> TextNode.valueOf(text);
            case INTEGER -> {
                long value = integer(text, parameter, "an integer");
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw invalid(text, parameter, "Must be an integer.");
                }
                yield IntNode.valueOf((int) value);
            }
            case LONG -> LongNode.valueOf(integer(text, parameter, "a long integer"));
            case BOOLEAN -> {
                if (text.equalsIgnoreCase("true")) {
                    yield BooleanNode.TRUE;
                }
                if (text.equalsIgnoreCase("false")) {
                    yield BooleanNode.FALSE;
                }
                throw invalid(text, parameter, "Must be true or false.");
            }
            case BLOB -> BinaryNode.valueOf(base64(text, parameter));
            default -> throw new IllegalArgumentException("not a scalar: " + shape);
        };
    }

    static byte[] base64(String text, String parameter) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(text, parameter, "Must be base64-encoded binary data.");
        }
    }

    private static long integer(String text, String parameter, String kind) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        boolean digits = text.length() > start && text.length() - start <= 19;
        for (int i = start; digits && i < text.length(); i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        try {
            if (digits) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException e) {
            // out of range: falls through
        }
        throw invalid(text, parameter, "Must be " + kind + ".");
    }

    static SqsException invalid(String value, String parameter, String reason) {
        String echo = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
        return SqsException.invalidParameterValue(echo, parameter, reason);
    }

    static SqsException missing(String parameter) {
        return SqsException.missingParameter(parameter);
    }
}
