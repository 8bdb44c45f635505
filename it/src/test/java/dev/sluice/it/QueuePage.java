package dev.sluice.it;

import java.util.List;
import java.util.Optional;

/** One page of ListQueues. */
public record QueuePage(List<String> queueUrls, Optional<String> nextToken) {}
