package dev.sluice.it;

/** One entry of a batch response's {@code Failed} list. */
public record BatchFailure(String id, boolean senderFault, String code, String message) {}
