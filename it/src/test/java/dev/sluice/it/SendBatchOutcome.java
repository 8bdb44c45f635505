package dev.sluice.it;

import java.util.List;
import java.util.Map;

/** The answer of SendMessageBatch: results by entry id, and the entries that failed. */
public record SendBatchOutcome(Map<String, SendResult> successful, List<BatchFailure> failed) {}
