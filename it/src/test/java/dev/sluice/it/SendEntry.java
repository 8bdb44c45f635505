package dev.sluice.it;

/** One SendMessageBatch entry. */
public record SendEntry(String id, OutgoingMessage message) {}
