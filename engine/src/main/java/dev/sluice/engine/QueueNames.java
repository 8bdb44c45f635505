package dev.sluice.engine;

/** Queue name rules (REFERENCE §2.1, §6.5): 1-80 characters of {@code [A-Za-z0-9_-]}, FIFO names end in {@code .fifo}. */
public final class QueueNames {
    public static final String FIFO_SUFFIX = ".fifo";
    private static final int MAX_LENGTH = 80;

    private QueueNames() {}

    /**
     * Validates a name for CreateQueue.
     *
     * @param fifo whether the request asks for a FIFO queue ({@code FifoQueue=true})
     */
    public static void validate(String name, boolean fifo) {
        if (name == null || name.isEmpty()) {
            throw SqsException.missingParameter("QueueName");
        }
        boolean fifoName = name.endsWith(FIFO_SUFFIX);
        String base = fifoName ? name.substring(0, name.length() - FIFO_SUFFIX.length()) : name;
        boolean wellFormed = name.length() <= MAX_LENGTH && !base.isEmpty() && isNameChars(base);
        if (fifo && (!fifoName || !wellFormed)) {
            throw new SqsException(
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores,"
                            + " must end with .fifo suffix and be 1 to 80 in length.");
        }
        if (!fifo && (fifoName || !wellFormed)) {
            throw new SqsException(
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
    }

    /** True for a name that could belong to a queue at all (used to reject lookups of impossible names early). */
    public static boolean isPlausible(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        String base = name.endsWith(FIFO_SUFFIX) ? name.substring(0, name.length() - FIFO_SUFFIX.length()) : name;
        return !base.isEmpty() && isNameChars(base);
    }

    private static boolean isNameChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
