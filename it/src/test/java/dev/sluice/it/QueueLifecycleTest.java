package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CreateQueue, GetQueueUrl, ListQueues and DeleteQueue (REFERENCE §2.1-2.4, §1.4). */
class QueueLifecycleTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void createdQueueHasUrlOfAccountAndNameAndIsFoundByGetQueueUrl(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var name = SluiceExtension.uniqueQueueName("life");

        var url = sqs.createQueue(name);

        assertThat(url).isEqualTo(sluice.endpoint() + "/000000000000/" + name);
        assertThat(sqs.getQueueUrl(name)).isEqualTo(url);
    }

    @BothSdks
    void createQueueIsIdempotentForSameAttributesAndRejectsDifferentOnes(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var name = SluiceExtension.uniqueQueueName("idem");
        var url = sqs.createQueue(name, Map.of("VisibilityTimeout", "7"), Map.of());

        assertThat(sqs.createQueue(name, Map.of("VisibilityTimeout", "7"), Map.of()))
                .isEqualTo(url);
        assertThat(sqs.createQueue(name))
                .as("attributes not supplied are not compared")
                .isEqualTo(url);
        var e = Expect.error(
                "QueueAlreadyExists", 400, () -> sqs.createQueue(name, Map.of("VisibilityTimeout", "8"), Map.of()));
        assertThat(e.errorMessage())
                .isEqualTo("A queue already exists with the same name and a different value for attribute"
                        + " VisibilityTimeout");
    }

    @BothSdks
    void invalidQueueNamesAreRejected(Sdk sdk) {
        var sqs = sluice.driver(sdk);

        Expect.error("InvalidParameterValue", 400, () -> sqs.createQueue("bad name!"));
        Expect.error("InvalidParameterValue", 400, () -> sqs.createQueue("x".repeat(81)));
        Expect.error("InvalidParameterValue", 400, () -> sqs.createQueue("plain.fifo"));
    }

    @BothSdks
    void listQueuesFiltersByPrefixAndPagesWithMaxResultsAndNextToken(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var prefix = SluiceExtension.uniqueQueueName("list");
        var urls = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            urls.add(sqs.createQueue(prefix + "-" + i));
        }
        sqs.createQueue(SluiceExtension.uniqueQueueName("other"));

        var all = sqs.listQueues(prefix, null, null);
        assertThat(all.queueUrls()).containsExactlyInAnyOrderElementsOf(urls);
        assertThat(all.nextToken()).as("no NextToken without MaxResults").isEmpty();

        var paged = new ArrayList<String>();
        String token = null;
        for (int page = 0; page < 10; page++) {
            var p = sqs.listQueues(prefix, 2, token);
            assertThat(p.queueUrls()).hasSizeLessThanOrEqualTo(2);
            paged.addAll(p.queueUrls());
            token = p.nextToken().orElse(null);
            if (token == null) {
                break;
            }
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(urls);

        var exact = sqs.listQueues(prefix, 5, null);
        assertThat(exact.queueUrls()).hasSize(5);
        assertThat(exact.nextToken()).as("no NextToken when nothing remains").isEmpty();
    }

    @BothSdks
    void listQueuesMaxResultsOutOfRangeIsInvalidParameterValue(Sdk sdk) {
        var sqs = sluice.driver(sdk);

        Expect.error("InvalidParameterValue", 400, () -> sqs.listQueues(null, 0, null));
        Expect.error("InvalidParameterValue", 400, () -> sqs.listQueues(null, 1001, null));
        assertThat(sqs.listQueues(null, 1000, null).queueUrls()).isNotNull();
    }

    @BothSdks
    void nameOfARecentlyDeletedQueueCannotBeReusedForSixtySeconds(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var name = SluiceExtension.uniqueQueueName("recent");
        sqs.deleteQueue(sqs.createQueue(name));

        var e = Expect.error("AWS.SimpleQueueService.QueueDeletedRecently", 400, () -> sqs.createQueue(name));

        assertThat(e.errorMessage())
                .isEqualTo("You must wait 60 seconds after deleting a queue before you can create another with the same"
                        + " name.");
    }

    @BothSdks
    void listQueuesWithUnknownPrefixIsEmpty(Sdk sdk) {
        var page = sluice.driver(sdk).listQueues(SluiceExtension.uniqueQueueName("none"), null, null);

        assertThat(page).isEqualTo(new QueuePage(List.of(), Optional.empty()));
    }

    @BothSdks
    void deletedQueueIsGoneFromEveryAction(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var name = SluiceExtension.uniqueQueueName("gone");
        var url = sqs.createQueue(name);
        sqs.send(url, "before delete");

        sqs.deleteQueue(url);

        assertThat(sqs.listQueues(name, null, null).queueUrls()).isEmpty();
        assertQueueDoesNotExist(sdk, () -> sqs.getQueueUrl(name));
        assertQueueDoesNotExist(sdk, () -> sqs.send(url, "after delete"));
        assertQueueDoesNotExist(sdk, () -> sqs.receive(url, ReceiveOptions.defaults()));
        assertQueueDoesNotExist(sdk, () -> sqs.getQueueAttributes(url, List.of("All")));
        assertQueueDoesNotExist(sdk, () -> sqs.deleteQueue(url));
    }

    @BothSdks
    void unknownQueueIsQueueDoesNotExistWithTheSdksExceptionClass(Sdk sdk) {
        var sqs = sluice.driver(sdk);

        var e = assertQueueDoesNotExist(sdk, () -> sqs.getQueueUrl(SluiceExtension.uniqueQueueName("missing")));

        // v2 picks the class from __type "QueueDoesNotExist", v1 from the Query code; both name it the same way
        var expected = sdk == Sdk.V2_JSON
                ? software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException.class
                : com.amazonaws.services.sqs.model.QueueDoesNotExistException.class;
        assertThat(e.exceptionClass()).isEqualTo(expected);
    }

    /** REFERENCE §1.2/§1.3 and ERRORS.md: the legacy code in both protocols, protocol-specific wording. */
    static SqsError assertQueueDoesNotExist(Sdk sdk, Expect.Call call) {
        var e = Expect.error("AWS.SimpleQueueService.NonExistentQueue", 400, call);
        assertThat(e.errorMessage())
                .isEqualTo(
                        sdk == Sdk.V2_JSON
                                ? "The specified queue does not exist."
                                : "The specified queue does not exist for this wsdl version.");
        return e;
    }
}
