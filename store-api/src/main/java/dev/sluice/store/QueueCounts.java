package dev.sluice.store;

/**
 * A queue's message counts at one instant.
 *
 * @param visible available for receive now (ApproximateNumberOfMessages)
 * @param inFlight received and not yet visible again (ApproximateNumberOfMessagesNotVisible)
 * @param delayed not yet visible because of a send delay (ApproximateNumberOfMessagesDelayed)
 */
public record QueueCounts(long visible, long inFlight, long delayed) {}
