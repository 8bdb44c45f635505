package dev.sluice.engine;

import java.util.List;

/** The answer to a batch request: the successful entries (with their results) and the failed ones, in request order. */
public record BatchResult<R>(List<BatchEntry<R>> successful, List<BatchFailure> failed) {}
