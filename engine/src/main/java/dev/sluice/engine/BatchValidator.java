package dev.sluice.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The request-level checks every batch action shares (REFERENCE §2.9, §2.12, §2.14): at least one and at most ten
 * entries, well-formed entry ids, distinct entry ids.
 */
public final class BatchValidator {
    public static final int MAX_ENTRIES = 10;
    private static final int MAX_ID_LENGTH = 80;

    private BatchValidator() {}

    /**
     * @param entryName the request entry's shape name for the empty-batch message (e.g. {@code
     *     SendMessageBatchRequestEntry})
     */
    public static void validate(String entryName, List<? extends BatchEntry<?>> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new SqsException(
                    ErrorCode.EMPTY_BATCH_REQUEST, "There should be at least one " + entryName + " in the request.");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new SqsException(
                    ErrorCode.TOO_MANY_ENTRIES_IN_BATCH_REQUEST,
                    "Maximum number of entries per request are " + MAX_ENTRIES + ". You have sent " + entries.size()
                            + ".");
        }
        Set<String> seen = new HashSet<>();
        for (BatchEntry<?> entry : entries) {
            if (!isValidId(entry.id())) {
                throw new SqsException(
                        ErrorCode.INVALID_BATCH_ENTRY_ID,
                        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can"
                                + " be at most 80 letters long.");
            }
        }
        for (BatchEntry<?> entry : entries) {
            if (!seen.add(entry.id())) {
                throw new SqsException(ErrorCode.BATCH_ENTRY_IDS_NOT_DISTINCT, "Id " + entry.id() + " repeated.");
            }
        }
    }

    /** A batch request's total payload stays within 1 MiB (§2.9), independently of the queue's maximum. */
    public static void checkTotalSize(long totalBytes, long limit) {
        if (totalBytes > limit) {
            throw new SqsException(
                    ErrorCode.BATCH_REQUEST_TOO_LONG,
                    "Batch requests cannot be longer than " + limit + " bytes. You have sent " + totalBytes
                            + " bytes.");
        }
    }

    static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
