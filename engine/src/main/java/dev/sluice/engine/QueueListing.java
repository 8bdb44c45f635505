package dev.sluice.engine;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import java.util.ArrayList;
import java.util.List;

/**
 * ListQueues and ListDeadLetterSourceQueues (REFERENCE §2.3, §2.15): name order, prefix, MaxResults 1-1000, and an
 * opaque NextToken only when MaxResults was given and more remain.
 */
final class QueueListing {
    private static final int LIST_LIMIT = 1000;

    private final QueueStore store;
    private final QueueCatalog catalog;

    QueueListing(QueueStore store, QueueCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    ListQueuesPage listQueues(String account, String prefix, Integer maxResults, String nextToken) {
        if (maxResults != null && (maxResults < 1 || maxResults > LIST_LIMIT)) {
            throw SqsException.invalidParameterValue(
                    maxResults, "MaxResults", "MaxResults must be an integer between 1 and 1000.");
        }
        String p = prefix == null ? "" : prefix;
        String after = nextToken == null || nextToken.isEmpty() ? null : ListQueuesToken.decode(nextToken, p);
        int limit = maxResults == null ? LIST_LIMIT : maxResults;
        List<QueueId> page = new ArrayList<>();
        boolean more = false;
        for (QueueRecord r : store.listQueues(account, p)) {
            if (after != null && r.id().name().compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(r.id());
        }
        String token = maxResults != null && more
                ? ListQueuesToken.encode(p, page.get(page.size() - 1).name())
                : null;
        return new ListQueuesPage(List.copyOf(page), token);
    }

    /** ListDeadLetterSourceQueues (REFERENCE §2.15): the queues whose RedrivePolicy targets {@code deadLetterQueue}. */
    ListQueuesPage listDeadLetterSourceQueues(QueueId deadLetterQueue, Integer maxResults, String nextToken) {
        store.findQueue(deadLetterQueue).orElseThrow(QueueCatalog::queueDoesNotExist);
        if (maxResults != null && (maxResults < 1 || maxResults > LIST_LIMIT)) {
            throw SqsException.invalidParameterValue(
                    maxResults, "MaxResults", "MaxResults must be an integer between 1 and 1000.");
        }
        String arn = catalog.queueArn(deadLetterQueue);
        String scope = "dlq:" + deadLetterQueue.name();
        String after = nextToken == null || nextToken.isEmpty() ? null : ListQueuesToken.decode(nextToken, scope);
        int limit = maxResults == null ? LIST_LIMIT : maxResults;
        List<QueueId> page = new ArrayList<>();
        boolean more = false;
        for (QueueRecord r : store.listQueues(deadLetterQueue.account(), "")) {
            String redrive = r.attributes().get(QueueAttributes.REDRIVE_POLICY);
            if (redrive == null
                    || redrive.isEmpty()
                    || (after != null && r.id().name().compareTo(after) <= 0)
                    || !RedrivePolicy.parse(redrive).deadLetterTargetArn().equals(arn)) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(r.id());
        }
        String token = maxResults != null && more
                ? ListQueuesToken.encode(scope, page.get(page.size() - 1).name())
                : null;
        return new ListQueuesPage(List.copyOf(page), token);
    }
}
