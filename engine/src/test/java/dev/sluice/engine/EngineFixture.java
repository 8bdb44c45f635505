package dev.sluice.engine;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import dev.sluice.store.log.LogQueueStore;
import dev.sluice.store.log.LogStoreOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** A real log store in a temporary folder with an engine on top, for behaviour tests. */
final class EngineFixture implements AutoCloseable {
    static final String ACCOUNT = EngineConfig.DEFAULT_ACCOUNT;

    final Path dir;
    final byte[] masterKey;
    final InstantSource clock;
    final EngineConfig config;
    QueueStore store;
    QueueEngine engine;

    EngineFixture(Path dir, InstantSource clock) {
        this(dir, clock, EngineConfig.defaults(newMasterKey()));
    }

    EngineFixture(Path dir, InstantSource clock, EngineConfig config) {
        this.dir = dir;
        this.clock = clock;
        this.config = config;
        this.masterKey = config.masterKey();
        open();
    }

    static byte[] newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static EngineConfig config(int maxInFlight) {
        return new EngineConfig(
                EngineConfig.DEFAULT_REGION,
                newMasterKey(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                maxInFlight);
    }

    private void open() {
        store = LogQueueStore.open(dir, LogStoreOptions.defaults().withSegmentSize(4 << 20));
        engine = new QueueEngine(store, clock, config);
    }

    /** Closes engine and store and opens both again on the same folder (a clean restart). */
    void restart() {
        close();
        open();
    }

    QueueId create(String name) {
        return engine.createQueue(ACCOUNT, name, Map.of(), Map.of());
    }

    QueueId create(String name, Map<String, String> attributes) {
        return engine.createQueue(ACCOUNT, name, attributes, Map.of());
    }

    SendMessageOutput send(QueueId queue, String body) {
        return engine.sendMessage(queue, SendMessageInput.ofBody(body));
    }

    List<ReceivedMessage> receive(QueueId queue, int max) {
        return engine.receiveMessage(
                queue, new ReceiveMessageInput(max, null, 0, List.of("All"), List.of("All"), null));
    }

    List<ReceivedMessage> receive(QueueId queue, int max, int visibility) {
        return engine.receiveMessage(
                queue, new ReceiveMessageInput(max, visibility, 0, List.of("All"), List.of("All"), null));
    }

    Map<String, String> attributes(QueueId queue) {
        return engine.getQueueAttributes(queue, List.of("All"));
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
