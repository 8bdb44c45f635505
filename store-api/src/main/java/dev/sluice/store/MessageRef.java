package dev.sluice.store;

/**
 * Points at one delivery of one message: the message's {@code sequence} in its queue and the {@code receiveCount}
 * that delivery gave it. A ref is "current" while the message is in flight from exactly that delivery.
 */
public record MessageRef(long sequence, int receiveCount) {}
