package dev.sluice.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 32-byte master key that wraps the per-queue data keys (SSE-SQS): taken from configuration (base64), or read from
 * {@code <data-dir>/master.key}, which is created on first start, readable by its owner only (mode 0600).
 *
 * <p>Creation is atomic: the key is written and forced to a temporary file, then hard-linked to its name, which fails
 * if the name exists, so a crash never leaves a partial key and a key is never replaced.
 */
final class MasterKey {
    static final String FILE_NAME = "master.key";
    private static final int LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {}

    static byte[] load(Path dataDir, Optional<String> configured) {
        if (configured.isPresent()) {
            return decode(configured.get());
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(dataDir, file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The configured master key (SLUICE_MASTER_KEY) is not valid base64");
        }
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("The configured master key (SLUICE_MASTER_KEY) must be 32 bytes, not "
                    + key.length + " (create one with: head -c 32 /dev/urandom | base64)");
        }
        return key;
    }

    private static byte[] read(Path file) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length != LENGTH) {
            throw new IllegalStateException("The master key " + file + " must hold 32 bytes, but holds " + key.length
                    + "; restore it from a backup (without it, stored messages cannot be decrypted)");
        }
        if (posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                    .containsAll(permissions)) {
                log.warn("The master key {} is readable by others ({}); chmod 600 it", file, permissions);
            }
        }
        return key;
    }

    private static void create(Path dataDir, Path file) throws IOException {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        Path temporary = posix()
                ? Files.createTempFile(
                        dataDir,
                        FILE_NAME + ".",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dataDir, FILE_NAME + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(key);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
                log.info("Created the master key {}", file);
            } catch (FileAlreadyExistsException e) {
                // created meanwhile: that key is the one to use
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(dataDir);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can force a directory; the key file itself is forced
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
