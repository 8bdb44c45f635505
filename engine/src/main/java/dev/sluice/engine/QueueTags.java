package dev.sluice.engine;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Tag rules (REFERENCE §6.4): keys 1-128 and values 0-256 characters of letters, digits, spaces and {@code _.:/=+-@}. */
public final class QueueTags {
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;

    private QueueTags() {}

    /** The validated tags, sorted by key; {@code null} means none. */
    public static Map<String, String> validate(Map<String, String> tags) {
        Map<String, String> out = new TreeMap<>();
        if (tags == null) {
            return out;
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            validateKey(key);
            int valueLength = value.codePointCount(0, value.length());
            if (valueLength > MAX_VALUE) {
                throw invalid("Tag values may not be longer than " + MAX_VALUE + " characters.");
            }
            if (!allowed(value)) {
                throw invalid("Tag value '" + value + "' contains characters that are not allowed.");
            }
            out.put(key, value);
        }
        return out;
    }

    public static void validateKey(String key) {
        if (key == null || key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY) {
            throw invalid("Tag keys must be between 1 and " + MAX_KEY + " characters in length.");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw invalid("Tag keys beginning with 'aws:' are reserved for AWS use.");
        }
        if (!allowed(key)) {
            throw invalid("Tag key '" + key + "' contains characters that are not allowed.");
        }
    }

    private static boolean allowed(String s) {
        return s.codePoints()
                .allMatch(cp -> Character.isLetterOrDigit(cp)
                        || Character.isWhitespace(cp)
                        || Character.isSpaceChar(cp)
                        || "_.:/=+-@".indexOf(cp) >= 0);
    }

    private static SqsException invalid(String message) {
        return new SqsException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
