package dev.sluice.it;

import java.util.List;
import java.util.Map;

/**
 * The client-neutral view of SQS that every end-to-end test is written against; one implementation per real SDK, so
 * each test runs once over JSON (SDK v2) and once over Query (SDK v1). Server errors surface as {@link SqsError}.
 */
public interface SqsDriver extends AutoCloseable {

    /** Which SDK and wire protocol this driver uses. */
    Sdk sdk();

    /** The Content-Type headers of the requests this client actually sent, oldest first. */
    List<String> sentContentTypes();

    String createQueue(String name, Map<String, String> attributes, Map<String, String> tags);

    default String createQueue(String name) {
        return createQueue(name, Map.of(), Map.of());
    }

    String getQueueUrl(String name);

    /** ListQueues; null arguments are not sent. */
    QueuePage listQueues(String prefix, Integer maxResults, String nextToken);

    void deleteQueue(String queueUrl);

    /** GetQueueAttributes with the given names (none sent when empty). */
    Map<String, String> getQueueAttributes(String queueUrl, List<String> names);

    void setQueueAttributes(String queueUrl, Map<String, String> attributes);

    SendResult send(String queueUrl, OutgoingMessage message);

    default SendResult send(String queueUrl, String body) {
        return send(queueUrl, OutgoingMessage.of(body));
    }

    SendBatchOutcome sendBatch(String queueUrl, List<SendEntry> entries);

    List<ReceivedMessage> receive(String queueUrl, ReceiveOptions options);

    void delete(String queueUrl, String receiptHandle);

    BatchOutcome deleteBatch(String queueUrl, List<HandleEntry> entries);

    void changeVisibility(String queueUrl, String receiptHandle, int visibilityTimeout);

    BatchOutcome changeVisibilityBatch(String queueUrl, List<HandleEntry> entries);

    void purge(String queueUrl);

    void tag(String queueUrl, Map<String, String> tags);

    void untag(String queueUrl, List<String> keys);

    Map<String, String> listTags(String queueUrl);

    @Override
    void close();
}
