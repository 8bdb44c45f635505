package dev.sluice.store.log;

import dev.sluice.store.QueueStore;
import dev.sluice.store.tck.QueueStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
    public QueueStore openStore() {
        dataDir = root.resolve("data");
        return LogQueueStore.open(dataDir, OPTIONS);
    }

    @Override
    public QueueStore reopenStore() {
        return LogQueueStore.open(dataDir, OPTIONS);
    }

    @Override
    public QueueStore crashAndReopenStore(QueueStore current) {
        Path copy = root.resolve("crash-" + ++copies);
        copyQuiescentTree(dataDir, copy);
        current.close();
        dataDir = copy;
        return LogQueueStore.open(dataDir, OPTIONS);
    }

    /**
     * Copies the folder at a moment when no file changes during the copy. The store's background work (checkpoints,
     * segment release) may rename and delete files; a copy that raced it could mix files from before and after, a
     * state no crash can leave, so such a copy is thrown away and taken again.
     */
    private static void copyQuiescentTree(Path from, Path to) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Map<Path, String> before = listing(from);
                copyTree(from, to);
                if (before.equals(listing(from))) {
                    return;
                }
            } catch (NoSuchFileException vanished) {
                // A file went away while being copied: try again.
            } catch (UncheckedIOException walked) {
                // Files.walk reports a file that vanished mid-walk this way.
                if (!(walked.getCause() instanceof NoSuchFileException)) {
                    throw walked;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deleteTree(to);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("the data folder did not stay still long enough to copy it");
    }

    private static Map<Path, String> listing(Path dir) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                files.put(dir.relativize(p), a.size() + "@" + a.lastModifiedTime());
            }
        }
        return files;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
