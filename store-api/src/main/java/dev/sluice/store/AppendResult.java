package dev.sluice.store;

/**
 * The store's answer for one appended message, in request order.
 *
 * @param messageId the message's id: the one given, or the original message's id when {@code duplicate}
 * @param sequence the store-assigned position of the message in its queue, strictly increasing per queue (the FIFO
 *     SequenceNumber); the original's sequence when {@code duplicate}
 * @param duplicate true when deduplication suppressed this message
 */
public record AppendResult(String messageId, long sequence, boolean duplicate) {}
