package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice as its own process: the ready log line, SIGTERM answering waiting long polls and closing cleanly, and one
 * process per data folder.
 */
class GracefulShutdownTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermAnswersWaitingLongPollsAndKeepsAcknowledgedMessages() throws Exception {
        var logFile = logDir.resolve("sluice.log");
        String queueName = SluiceExtension.uniqueQueueName("term");
        String sentId;
        try (var server = SluiceProcess.start(dataDir, logFile);
                var sqs = Sdk.V2_JSON.open(server.endpoint());
                var executor = Executors.newSingleThreadExecutor()) {
            assertThat(server.log())
                    .containsPattern("Sluice \\S+ listening on http://127\\.0\\.0\\.1:" + server.port() + "\\b");
            var url = sqs.createQueue(queueName);
            sentId = sqs.send(url, "acknowledged before SIGTERM").messageId();
            var emptyUrl = sqs.createQueue(SluiceExtension.uniqueQueueName("empty"));
            var waiting = CompletableFuture.supplyAsync(
                    () -> sqs.receive(emptyUrl, ReceiveOptions.upTo(10).wait(20)), executor);
            Thread.sleep(500); // let the long poll park in the server

            long termAt = System.nanoTime();
            boolean exited = server.terminate(Duration.ofSeconds(15));
            var answer = waiting.get(5, TimeUnit.SECONDS);

            assertThat(answer).as("a waiting long poll is answered, empty").isEmpty();
            assertThat(exited)
                    .as("the process ends after SIGTERM:\n%s", server.logTail())
                    .isTrue();
            assertThat((System.nanoTime() - termAt) / 1_000_000).isLessThan(10_000L);
        }

        try (var server = SluiceProcess.start(dataDir, logFile);
                var sqs = Sdk.V2_JSON.open(server.endpoint())) {
            var url = sqs.getQueueUrl(queueName);
            var m = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());
            assertThat(m.messageId()).isEqualTo(sentId);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void secondProcessOnTheSameDataFolderRefusesToStartAndTheFirstKeepsServing() throws Exception {
        try (var first = SluiceProcess.start(dataDir, logDir.resolve("first.log"));
                var sqs = Sdk.V2_JSON.open(first.endpoint())) {
            var url = sqs.createQueue(SluiceExtension.uniqueQueueName("owner"));

            try (var second = SluiceProcess.launch(dataDir, logDir.resolve("second.log"))) {
                var exit = second.awaitExit(Duration.ofSeconds(30));

                assertThat(exit)
                        .as("the second process exits:\n%s", second.logTail())
                        .isPresent();
                assertThat(exit.getAsInt()).as("with a failure status").isNotZero();
                assertThat(second.log()).as("and says why").contains("is in use by another");
            }
            var sent = sqs.send(url, "still here");
            assertThat(Messages.receiveOne(sqs, url, ReceiveOptions.defaults()).messageId())
                    .isEqualTo(sent.messageId());
        }
    }
}
