package dev.sluice.engine;

import dev.sluice.store.QueueId;
import java.util.List;

/** A page of ListQueues: the queues in name order and the token of the next page, {@code null} when none. */
public record ListQueuesPage(List<QueueId> queues, String nextToken) {}
