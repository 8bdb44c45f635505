package dev.sluice.engine;

import static dev.sluice.engine.EngineFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueLifecycleTest {
    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock();
    EngineFixture f;
    QueueEngine engine;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, clock);
        engine = f.engine;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    /** REFERENCE §2.1 and §3: a fresh standard queue answers exactly these attributes. */
    @Test
    void freshStandardQueueHasAwsDefaultAttributes() {
        QueueId q = f.create("orders");
        Map<String, String> all = f.attributes(q);
        assertThat(all.keySet())
                .containsExactly(
                        "ApproximateNumberOfMessages",
                        "ApproximateNumberOfMessagesDelayed",
                        "ApproximateNumberOfMessagesNotVisible",
                        "CreatedTimestamp",
                        "DelaySeconds",
                        "LastModifiedTimestamp",
                        "MaximumMessageSize",
                        "MessageRetentionPeriod",
                        "QueueArn",
                        "ReceiveMessageWaitTimeSeconds",
                        "SqsManagedSseEnabled",
                        "VisibilityTimeout");
        assertThat(all)
                .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:orders")
                .containsEntry("CreatedTimestamp", Long.toString(clock.instant().getEpochSecond()))
                .containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("ApproximateNumberOfMessages", "0");
    }

    @Test
    void freshFifoQueueAddsFifoAttributes() {
        QueueId q = f.create("jobs.fifo", Map.of("FifoQueue", "true"));
        assertThat(f.attributes(q))
                .containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "false")
                .containsEntry("DeduplicationScope", "queue")
                .containsEntry("FifoThroughputLimit", "perQueue");
    }

    @Test
    void getQueueAttributesSelectsByNameAndRejectsUnknownNames() {
        QueueId q = f.create("orders");
        assertThat(engine.getQueueAttributes(q, List.of())).isEmpty();
        assertThat(engine.getQueueAttributes(q, List.of("VisibilityTimeout", "RedrivePolicy")))
                .containsExactly(Map.entry("VisibilityTimeout", "30"));
        assertError(
                () -> engine.getQueueAttributes(q, List.of("Foobar")),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute Foobar.");
    }

    /** REFERENCE §2.1: idempotent CreateQueue compares supplied attributes with the current values. */
    @Test
    void createQueueIsIdempotentAgainstCurrentAttributeValues() {
        QueueId q = f.create("orders", Map.of("DelaySeconds", "5"));
        assertThat(f.create("orders", Map.of("DelaySeconds", "5"))).isEqualTo(q);
        assertThat(f.create("orders")).isEqualTo(q);
        assertError(
                () -> f.create("orders", Map.of("DelaySeconds", "6")),
                ErrorCode.QUEUE_NAME_EXISTS,
                "A queue already exists with the same name and a different value for attribute DelaySeconds");

        engine.setQueueAttributes(q, Map.of("DelaySeconds", "6"));
        assertThat(f.create("orders", Map.of("DelaySeconds", "6"))).isEqualTo(q);
        assertThatThrownBy(() -> f.create("orders", Map.of("DelaySeconds", "5")))
                .isInstanceOf(SqsException.class);
    }

    /** REFERENCE §2.1: a name is unusable for 60 s after DeleteQueue. */
    @Test
    void recreatingWithinSixtySecondsOfDeleteIsQueueDeletedRecently() {
        QueueId q = f.create("orders");
        engine.deleteQueue(q);
        clock.advanceSeconds(59);
        assertError(
                () -> f.create("orders"),
                ErrorCode.QUEUE_DELETED_RECENTLY,
                "You must wait 60 seconds after deleting a queue before you can create another with the same name.");
        clock.advanceSeconds(2);
        assertThat(f.create("orders")).isEqualTo(q);
    }

    @Test
    void deletedQueueDoesNotExist() {
        QueueId q = f.create("orders");
        engine.deleteQueue(q);
        assertError(() -> engine.deleteQueue(q), ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
        assertThatThrownBy(() -> f.send(q, "x"))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST));
        assertThatThrownBy(() -> engine.getQueueUrl(ACCOUNT, "orders")).isInstanceOf(SqsException.class);
    }

    @Test
    void createQueueValidatesNamesAndFifoRules() {
        assertThatThrownBy(() -> f.create("bad name")).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> f.create("q.fifo")).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> f.create("q", Map.of("FifoQueue", "true"))).isInstanceOf(SqsException.class);
        assertError(
                () -> f.create("q", Map.of("FifoQueue", "false")),
                ErrorCode.INVALID_ATTRIBUTE_NAME,
                "Unknown Attribute FifoQueue.");
    }

    @Test
    void setQueueAttributesAppliesAllOrNothingAndBumpsLastModified() {
        QueueId q = f.create("orders");
        clock.advanceSeconds(100);
        assertThatThrownBy(() -> engine.setQueueAttributes(q, Map.of("VisibilityTimeout", "60", "DelaySeconds", "-1")))
                .isInstanceOf(SqsException.class);
        assertThat(f.attributes(q)).containsEntry("VisibilityTimeout", "30");
        engine.setQueueAttributes(q, Map.of("VisibilityTimeout", "60", "DelaySeconds", "1"));
        Map<String, String> a = f.attributes(q);
        assertThat(a).containsEntry("VisibilityTimeout", "60").containsEntry("DelaySeconds", "1");
        assertThat(Long.parseLong(a.get("LastModifiedTimestamp")))
                .isEqualTo(Long.parseLong(a.get("CreatedTimestamp")) + 100);
    }

    @Test
    void attributesAndTagsSurviveARestart() {
        QueueId q = engine.createQueue(ACCOUNT, "orders", Map.of("VisibilityTimeout", "45"), Map.of("team", "a"));
        f.restart();
        assertThat(f.attributes(q)).containsEntry("VisibilityTimeout", "45");
        assertThat(f.engine.listQueueTags(q)).containsExactly(Map.entry("team", "a"));
    }

    /** REFERENCE §2.3. */
    @Test
    void listQueuesIsSortedFilteredAndPaginated() {
        for (String name : List.of("c", "a", "b", "ab", "other")) {
            f.create(name);
        }
        assertThat(engine.listQueues(ACCOUNT, null, null, null).queues())
                .extracting(QueueId::name)
                .containsExactly("a", "ab", "b", "c", "other");
        assertThat(engine.listQueues(ACCOUNT, null, null, null).nextToken()).isNull();
        assertThat(engine.listQueues(ACCOUNT, "a", null, null).queues())
                .extracting(QueueId::name)
                .containsExactly("a", "ab");

        ListQueuesPage first = engine.listQueues(ACCOUNT, null, 2, null);
        assertThat(first.queues()).extracting(QueueId::name).containsExactly("a", "ab");
        ListQueuesPage second = engine.listQueues(ACCOUNT, null, 2, first.nextToken());
        assertThat(second.queues()).extracting(QueueId::name).containsExactly("b", "c");
        ListQueuesPage third = engine.listQueues(ACCOUNT, null, 2, second.nextToken());
        assertThat(third.queues()).extracting(QueueId::name).containsExactly("other");
        assertThat(third.nextToken()).isNull();

        assertThatThrownBy(() -> engine.listQueues(ACCOUNT, null, 0, null)).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> engine.listQueues(ACCOUNT, null, 1001, null)).isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> engine.listQueues(ACCOUNT, null, 2, "garbage!"))
                .isInstanceOf(SqsException.class);
        assertThat(engine.listQueues("111111111111", null, null, null).queues()).isEmpty();
    }

    /** REFERENCE §2.15. */
    @Test
    void listDeadLetterSourceQueuesFindsTheQueuesRedrivingIntoIt() {
        QueueId dlq = f.create("dlq");
        String policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\",\"maxReceiveCount\":3}";
        f.create("b-src", Map.of("RedrivePolicy", policy));
        f.create("a-src", Map.of("RedrivePolicy", policy));
        f.create("unrelated");
        assertThat(engine.listDeadLetterSourceQueues(dlq, null, null).queues())
                .extracting(QueueId::name)
                .containsExactly("a-src", "b-src");
        ListQueuesPage first = engine.listDeadLetterSourceQueues(dlq, 1, null);
        assertThat(first.queues()).extracting(QueueId::name).containsExactly("a-src");
        assertThat(engine.listDeadLetterSourceQueues(dlq, 1, first.nextToken()).queues())
                .extracting(QueueId::name)
                .containsExactly("b-src");
    }

    /** REFERENCE §2.16-2.18. */
    @Test
    void tagsUpsertRemoveAndList() {
        QueueId q = f.create("orders");
        assertThat(engine.listQueueTags(q)).isEmpty();
        engine.tagQueue(q, Map.of("a", "1", "b", ""));
        engine.tagQueue(q, Map.of("a", "2"));
        assertThat(engine.listQueueTags(q)).containsExactly(Map.entry("a", "2"), Map.entry("b", ""));
        engine.untagQueue(q, List.of("b", "unknown"));
        assertThat(engine.listQueueTags(q)).containsExactly(Map.entry("a", "2"));
        assertThatThrownBy(() -> engine.tagQueue(q, Map.of("aws:x", "1"))).isInstanceOf(SqsException.class);
    }

    /** REFERENCE §2.7: one purge per 60 s per queue, 403. */
    @Test
    void secondPurgeWithinSixtySecondsIsPurgeQueueInProgress() {
        QueueId q = f.create("orders");
        f.send(q, "a");
        engine.purgeQueue(q);
        assertThat(f.receive(q, 10)).isEmpty();
        clock.advanceSeconds(59);
        assertError(
                () -> engine.purgeQueue(q),
                ErrorCode.PURGE_QUEUE_IN_PROGRESS,
                "Only one PurgeQueue operation on orders is allowed every 60 seconds.");
        assertThat(ErrorCode.PURGE_QUEUE_IN_PROGRESS.httpStatus()).isEqualTo(403);
        clock.advanceSeconds(1);
        engine.purgeQueue(q);
    }

    @Test
    void purgeRemovesVisibleInFlightAndDelayedMessages() {
        QueueId q = f.create("orders");
        f.send(q, "visible");
        f.send(q, "inflight");
        engine.sendMessage(q, new SendMessageInput("delayed", 60, null, null, null, null));
        f.receive(q, 1);
        engine.purgeQueue(q);
        assertThat(f.attributes(q))
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "0");
    }

    /** REFERENCE §8.1: the dead-letter queue must exist and have the same type. */
    @Test
    void redrivePolicyNeedsAnExistingDeadLetterQueueOfTheSameType() {
        String policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\",\"maxReceiveCount\":3}";
        assertThatThrownBy(() -> f.create("src", Map.of("RedrivePolicy", policy)))
                .hasMessageContaining("Dead letter target does not exist.");
        f.create("dlq");
        QueueId src = f.create("src", Map.of("RedrivePolicy", policy));
        assertThat(f.attributes(src)).containsEntry("RedrivePolicy", policy);
        engine.setQueueAttributes(src, Map.of("RedrivePolicy", ""));
        assertThat(f.attributes(src)).doesNotContainKey("RedrivePolicy");

        f.create("dlq2.fifo", Map.of("FifoQueue", "true"));
        String fifoPolicy =
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq2.fifo\",\"maxReceiveCount\":3}";
        assertThatThrownBy(() -> engine.setQueueAttributes(src, Map.of("RedrivePolicy", fifoPolicy)))
                .isInstanceOf(SqsException.class);
    }
}
