package dev.sluice.protocol.wire;

import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses {@code application/x-www-form-urlencoded} text (a URL query string or a form body) into a {@link ParamNode}
 * tree. Names and values are percent-decoded ({@code +} is a space) and must then be UTF-8.
 *
 * <p>Errors: a broken percent escape is MalformedQueryString (404, ERRORS.md §B); a name that is not UTF-8 is
 * InvalidQueryParameter; a value that is not UTF-8 is InvalidParameterValue naming its parameter. More than
 * {@value #MAX_PARAMETERS} parameters is InvalidQueryParameter, so a hostile body cannot fill the heap.
 */
final class QueryParameters {
    /** Far above the largest legal request (a full SendMessageBatch sends a few hundred parameters). */
    static final int MAX_PARAMETERS = 10_000;

    private final ParamNode root = new ParamNode();
    private int count;

    ParamNode root() {
        return root;
    }

    void parse(byte[] text) {
        int start = 0;
        int length = text.length;
        while (start <= length) {
            int end = start;
            while (end < length && text[end] != '&') {
                end++;
            }
            if (end > start) {
                pair(text, start, end);
            }
            start = end + 1;
        }
    }

    private void pair(byte[] text, int start, int end) {
        if (++count > MAX_PARAMETERS) {
            throw new SqsException(
                    ErrorCode.INVALID_QUERY_PARAMETER,
                    "The AWS query string is malformed or does not adhere to AWS standards: more than " + MAX_PARAMETERS
                            + " parameters.");
        }
        int equals = start;
        while (equals < end && text[equals] != '=') {
            equals++;
        }
        String name = decodeName(text, start, equals);
        if (name.isEmpty()) {
            return;
        }
        String value = equals < end ? decodeValue(text, equals + 1, end, name) : "";
        root.put(name, value);
    }

    private static String decodeName(byte[] text, int start, int end) {
        byte[] bytes = unescape(text, start, end);
        String name = utf8(bytes);
        if (name == null) {
            throw new SqsException(
                    ErrorCode.INVALID_QUERY_PARAMETER,
                    "The AWS query string is malformed or does not adhere to AWS standards: a parameter name is not"
                            + " valid UTF-8.");
        }
        return name;
    }

    private static String decodeValue(byte[] text, int start, int end, String name) {
        String value = utf8(unescape(text, start, end));
        if (value == null) {
            throw new SqsException(
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    "Value for parameter " + name + " is invalid. Reason: the value is not valid UTF-8.");
        }
        return value;
    }

    private static byte[] unescape(byte[] text, int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = text[i];
            if (b == '+') {
                out[n++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= end) {
                    throw malformed();
                }
                int hi = Character.digit(text[i + 1], 16);
                int lo = Character.digit(text[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw malformed();
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[n++] = b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static SqsException malformed() {
        return new SqsException(
                ErrorCode.MALFORMED_QUERY_STRING,
                "The query string contains a syntax error: an invalid percent escape.");
    }

    /** Strict UTF-8 decoding; {@code null} when the bytes are not UTF-8. */
    private static String utf8(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
