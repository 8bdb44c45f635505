package dev.sluice.engine;

/**
 * Formats a store sequence as a FIFO {@code SequenceNumber} (REFERENCE §7.4): a 20-digit decimal string that grows
 * with the sequence both as a number and as a string, like AWS's values.
 */
public final class SequenceNumbers {
    private SequenceNumbers() {}

    public static String format(long sequence) {
        String digits = Long.toString(sequence);
        StringBuilder sb = new StringBuilder(20).append('1');
        for (int i = digits.length(); i < 19; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
