package dev.sluice.store.log;

import dev.sluice.store.QueueStore;
import dev.sluice.store.tck.QueueStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole store test kit against the log store, with fsync on, small segments and frequent checkpoints, so that
 * messages, large payloads, restarts and crashes cross segment and checkpoint boundaries.
 *
 * <p>A crash is simulated by copying the data folder while the store is still open: the copy holds exactly what the
 * store had written to its files (what a killed process leaves behind, page cache included), without the clean
 * shutdown's final work. The abandoned store is then closed and a new one recovers from the copy.
 */
class LogQueueStoreTckTest extends QueueStoreContract {
    private static final LogStoreOptions OPTIONS =
            LogStoreOptions.defaults().withSegmentSize(256 << 10).withCheckpointInterval(128 << 10);

    @TempDir
    Path root;

    private Path dataDir;
    private int copies;

    @Override
    protected QueueStore openStore() {
        dataDir = root.resolve("data");
        return LogQueueStore.open(dataDir, OPTIONS);
    }

    @Override
    protected QueueStore reopenStore() {
        return LogQueueStore.open(dataDir, OPTIONS);
    }

    @Override
    protected QueueStore crashAndReopenStore(QueueStore current) {
        Path copy = root.resolve("crash-" + ++copies);
        copyTree(dataDir, copy);
        current.close();
        dataDir = copy;
        return LogQueueStore.open(dataDir, OPTIONS);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            List<Path> paths = walk.toList();
            for (Path source : paths) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
