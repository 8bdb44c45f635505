package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.ListQueuesPage;
import dev.sluice.engine.QueueEngine;
import dev.sluice.engine.RedrivePolicy;
import dev.sluice.engine.SqsException;
import dev.sluice.store.QueueId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * ListDeadLetterSourceQueues (REFERENCE §2.15): the queues of the dead-letter queue's account whose RedrivePolicy
 * targets it, in name order, paged like ListQueues ({@code NextToken} only when {@code MaxResults} was given). A
 * read-only scan over the engine's public methods; it belongs in the engine once redrive bookkeeping lives there.
 */
public final class ListDeadLetterSourceQueues implements Action {
    private static final int PAGE = 1000;

    @Override
    public ObjectNode handle(ActionRequest request) {
        QueueEngine engine = request.engine();
        QueueId deadLetterQueue = request.queue();
        Integer maxResults = Members.integer(request.input(), "MaxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > PAGE)) {
            throw SqsException.invalidParameterValue(
                    maxResults, "MaxResults", "MaxResults must be an integer between 1 and 1000.");
        }
        String after = decodeToken(Members.string(request.input(), "NextToken"));
        String arn = engine.getQueueAttributes(deadLetterQueue, List.of("QueueArn"))
                .getOrDefault("QueueArn", engine.queueArn(deadLetterQueue));
        int limit = maxResults == null ? PAGE : maxResults;
        List<QueueId> sources = new ArrayList<>();
        boolean more = false;
        String token = null;
        do {
            ListQueuesPage page = engine.listQueues(deadLetterQueue.account(), "", PAGE, token);
            for (QueueId queue : page.queues()) {
                if ((after == null || queue.name().compareTo(after) > 0) && targets(engine, queue, arn)) {
                    if (sources.size() == limit) {
                        more = true;
                        break;
                    }
                    sources.add(queue);
                }
            }
            token = more ? null : page.nextToken();
        } while (token != null);
        ObjectNode output = ActionRequest.output();
        ArrayNode urls = output.putArray("queueUrls");
        sources.forEach(queue -> urls.add(request.queueUrl(queue)));
        if (more && maxResults != null) {
            String last = sources.get(sources.size() - 1).name();
            output.put(
                    "NextToken",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        return output;
    }

    private static boolean targets(QueueEngine engine, QueueId queue, String arn) {
        try {
            Map<String, String> attributes = engine.getQueueAttributes(queue, List.of("RedrivePolicy"));
            String policy = attributes.get("RedrivePolicy");
            return policy != null
                    && RedrivePolicy.parse(policy).deadLetterTargetArn().equals(arn);
        } catch (SqsException e) {
            if (e.code() == ErrorCode.QUEUE_DOES_NOT_EXIST || e.code() == ErrorCode.INVALID_PARAMETER_VALUE) {
                return false; // deleted meanwhile, or a policy this queue cannot parse: not a source
            }
            throw e;
        }
    }

    private static String decodeToken(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqsException.invalidParameterValue(token, "NextToken", "Invalid or expired next token.");
        }
    }
}
