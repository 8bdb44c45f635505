package dev.sluice.engine.crypto;

import dev.sluice.store.QueueStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-queue AES-256 data keys of SSE-SQS: created at CreateQueue, kept durable wrapped by the master key (as
 * store settings named {@code engine.datakey.<id>}), and cached unwrapped in memory. Keys are never deleted, so a
 * message moved to a dead-letter queue still opens under its original queue's key.
 */
public final class DataKeys {
    static final String SETTING_PREFIX = "engine.datakey.";
    private static final HexFormat HEX = HexFormat.of();

    private final MasterKey masterKey;
    private final Function<String, Optional<byte[]>> load;
    private final BiConsumer<String, byte[]> save;
    private final SecureRandom random;
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();

    /** Keys kept in {@code store}'s settings. */
    public static DataKeys on(QueueStore store, MasterKey masterKey, SecureRandom random) {
        return new DataKeys(masterKey, store::getSetting, store::putSetting, random);
    }

    /** Keys kept wherever {@code load} and {@code save} say (settings of a store, or a map in tests). */
    public DataKeys(
            MasterKey masterKey,
            Function<String, Optional<byte[]>> load,
            BiConsumer<String, byte[]> save,
            SecureRandom random) {
        this.masterKey = masterKey;
        this.load = load;
        this.save = save;
        this.random = random;
    }

    /** Creates a new data key, stores it durably (wrapped) and returns its id. */
    public String create() {
        byte[] idBytes = new byte[12];
        random.nextBytes(idBytes);
        String keyId = "dk-" + HEX.formatHex(idBytes);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        save.accept(SETTING_PREFIX + keyId, masterKey.wrap(keyId, raw));
        cache.put(keyId, new SecretKeySpec(raw, "AES"));
        return keyId;
    }

    /** The data key named {@code keyId}; {@link CryptoException} when there is none or it does not unwrap. */
    public SecretKey get(String keyId) {
        SecretKey cached = cache.get(keyId);
        if (cached != null) {
            return cached;
        }
        byte[] wrapped =
                load.apply(SETTING_PREFIX + keyId).orElseThrow(() -> new CryptoException("unknown data key " + keyId));
        SecretKey key = masterKey.unwrap(keyId, wrapped);
        cache.put(keyId, key);
        return key;
    }
}
