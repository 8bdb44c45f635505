package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.server.ServerConfig;
import dev.sluice.server.SluiceServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** A clean restart on the same data folder keeps queues, attributes, tags, messages and their in-flight state. */
class RestartTest {
    @TempDir
    Path dataDir;

    private SluiceServer start() {
        return SluiceServer.start(
                ServerConfig.defaults(dataDir).withBind("127.0.0.1", 0).withShutdownGrace(Duration.ofSeconds(2)));
    }

    private static URI endpoint(SluiceServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @BothSdks
    void queuesAttributesTagsAndMessagesSurviveARestart(Sdk sdk) {
        var name = SluiceExtension.uniqueQueueName("restart");
        var deletedName = SluiceExtension.uniqueQueueName("deleted");
        var message = OutgoingMessage.of("kept ✓\r\n")
                .withAttribute("s", MessageAttribute.string("v"))
                .withAttribute("b", MessageAttribute.binary((byte) 1, (byte) 2))
                .withTraceHeader("Root=1-65a1b2c3-0123456789abcdef01234567;Sampled=1");
        Map<String, String> before;
        String visibleId;
        String inFlightHandle;
        try (var server = start();
                var sqs = sdk.open(endpoint(server))) {
            var url = sqs.createQueue(
                    name, Map.of("VisibilityTimeout", "5", "MaximumMessageSize", "2048"), Map.of("team", "core"));
            sqs.send(url, "in flight");
            inFlightHandle = Messages.receiveOne(
                            sqs, url, ReceiveOptions.defaults().visibility(600))
                    .receiptHandle();
            // one receivable message at a time: a standard queue does not promise an order
            sqs.send(url, "deleted");
            var deleted =
                    Messages.receiveOne(sqs, url, ReceiveOptions.defaults().visibility(600));
            sqs.delete(url, deleted.receiptHandle());
            visibleId = sqs.send(url, message).messageId();
            sqs.send(url, OutgoingMessage.of("delayed").withDelay(600));
            sqs.deleteQueue(sqs.createQueue(deletedName));
            before = sqs.getQueueAttributes(url, List.of("All"));
        }

        try (var server = start();
                var sqs = sdk.open(endpoint(server))) {
            var url = sqs.getQueueUrl(name);
            assertThat(url).isEqualTo(endpoint(server) + "/000000000000/" + name);

            var after = sqs.getQueueAttributes(url, List.of("All"));
            assertThat(after).isEqualTo(before);
            assertThat(after)
                    .containsEntry("VisibilityTimeout", "5")
                    .containsEntry("MaximumMessageSize", "2048")
                    .containsEntry("ApproximateNumberOfMessages", "1")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "1")
                    .containsEntry("ApproximateNumberOfMessagesDelayed", "1");
            assertThat(sqs.listTags(url)).isEqualTo(Map.of("team", "core"));
            QueueLifecycleTest.assertQueueDoesNotExist(sdk, () -> sqs.getQueueUrl(deletedName));

            var m = Messages.receiveOne(
                    sqs, url, ReceiveOptions.defaults().messageAttributes("All").systemAttributes("All"));
            assertThat(m.messageId()).isEqualTo(visibleId);
            assertThat(m.body()).isEqualTo(message.body());
            assertThat(m.messageAttributes()).isEqualTo(message.attributes());
            assertThat(m.systemAttributes())
                    .containsEntry("ApproximateReceiveCount", "1")
                    .containsEntry("AWSTraceHeader", message.awsTraceHeader());

            sqs.delete(url, inFlightHandle); // a receipt handle from before the restart still works
            assertThat(sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessagesNotVisible")))
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
        }
    }
}
