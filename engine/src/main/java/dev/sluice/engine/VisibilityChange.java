package dev.sluice.engine;

/** One ChangeMessageVisibilityBatch entry's content. {@code visibilityTimeout} is {@code null} when absent. */
public record VisibilityChange(String receiptHandle, Integer visibilityTimeout) {}
