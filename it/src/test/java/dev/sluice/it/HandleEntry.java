package dev.sluice.it;

/**
 * One DeleteMessageBatch or ChangeMessageVisibilityBatch entry.
 *
 * @param visibilityTimeout only for ChangeMessageVisibilityBatch; null to send none
 */
public record HandleEntry(String id, String receiptHandle, Integer visibilityTimeout) {
    public static HandleEntry delete(String id, String receiptHandle) {
        return new HandleEntry(id, receiptHandle, null);
    }

    public static HandleEntry visibility(String id, String receiptHandle, int timeout) {
        return new HandleEntry(id, receiptHandle, timeout);
    }
}
