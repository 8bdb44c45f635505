package dev.sluice.it;

import java.util.List;

/** The answer of DeleteMessageBatch or ChangeMessageVisibilityBatch: ids that succeeded and entries that failed. */
public record BatchOutcome(List<String> successful, List<BatchFailure> failed) {}
