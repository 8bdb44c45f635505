package dev.sluice.store;

import java.time.Instant;

/**
 * One entry of {@link QueueStore#changeVisibilityAll}: the delivery {@code ref} points at and the visibility deadline
 * to give its message, as the single {@link QueueStore#changeVisibility} takes them.
 */
public record NewVisibility(MessageRef ref, Instant visibleAt) {}
