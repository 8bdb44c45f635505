package dev.sluice.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PayloadSealerTest {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> settings = new HashMap<>();
    private final byte[] master = key();
    private final DataKeys keys = keysOver(settings, master);
    private final PayloadSealer sealer = new PayloadSealer(keys, random);

    private byte[] key() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    private DataKeys keysOver(Map<String, byte[]> store, byte[] masterKey) {
        return new DataKeys(
                new MasterKey(masterKey, random), name -> Optional.ofNullable(store.get(name)), store::put, random);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sealedPayloadRoundTripsAndHidesThePlaintext() {
        String keyId = keys.create();
        byte[] sealed = sealer.seal(keyId, "m1", bytes("secret body"));

        assertThat(PayloadSealer.isSealed(sealed)).isTrue();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret body");
        assertThat(sealer.open("m1", sealed)).isEqualTo(bytes("secret body"));
    }

    @Test
    void aPlaintextWrittenIntoTheOutputIsSealedInPlaceAndOpensToTheSameBytes() {
        String keyId = keys.create();
        byte[] body = new byte[1500]; // more than one cipher block, and not a multiple of one
        random.nextBytes(body);
        Plaintext written = Plaintext.of(body);

        byte[] sealed = sealer.seal(keyId, "m1", written);
        assertThat(sealed).hasSize(sealer.seal(keyId, "m1", body).length);
        assertThat(sealer.open("m1", sealed)).isEqualTo(body);
        assertThat(sealer.open("m1", sealer.seal(null, "m1", written))).isEqualTo(body);
    }

    @Test
    void wrappedKeysAreDurableAndOpenAfterARestart() {
        String keyId = keys.create();
        byte[] sealed = sealer.seal(keyId, "m1", bytes("x"));
        assertThat(settings).containsKey(DataKeys.SETTING_PREFIX + keyId);
        assertThat(settings.get(DataKeys.SETTING_PREFIX + keyId)).hasSize(1 + 12 + 32 + 16);

        PayloadSealer afterRestart = new PayloadSealer(keysOver(settings, master), random);
        assertThat(afterRestart.open("m1", sealed)).isEqualTo(bytes("x"));
    }

    @Test
    void tamperedPayloadOrOtherMessageIdIsRejected() {
        String keyId = keys.create();
        byte[] sealed = sealer.seal(keyId, "m1", bytes("hello"));
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open("m1", tampered)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> sealer.open("m2", sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void unknownKeyIdOrWrongMasterKeyFails() {
        String keyId = keys.create();
        byte[] sealed = sealer.seal(keyId, "m1", bytes("hello"));

        PayloadSealer empty = new PayloadSealer(keysOver(new HashMap<>(), master), random);
        assertThatThrownBy(() -> empty.open("m1", sealed))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("unknown data key");
        PayloadSealer otherMaster = new PayloadSealer(keysOver(settings, key()), random);
        assertThatThrownBy(() -> otherMaster.open("m1", sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void unsealedPayloadIsTaggedAndReadable() {
        byte[] plain = sealer.seal(null, "m1", bytes("open"));
        assertThat(PayloadSealer.isSealed(plain)).isFalse();
        assertThat(sealer.open("m1", plain)).isEqualTo(bytes("open"));
    }

    @Test
    void nonceIsFreshForEverySeal() {
        String keyId = keys.create();
        assertThat(sealer.seal(keyId, "m", bytes("same"))).isNotEqualTo(sealer.seal(keyId, "m", bytes("same")));
    }

    /** GCM breaks if a nonce repeats under one key: not within a sealer, nor between sealers sharing the key. */
    @Test
    void noncesNeverRepeatWithinOrAcrossSealers() {
        String keyId = keys.create();
        PayloadSealer other = new PayloadSealer(keysOver(settings, master), random);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(nonces.add(nonceOf(sealer.seal(keyId, "m" + i, bytes("same")))))
                    .isTrue();
            assertThat(nonces.add(nonceOf(other.seal(keyId, "m" + i, bytes("same")))))
                    .isTrue();
        }
    }

    /** Requests seal concurrently on many (virtual) threads; each seal still gets its own nonce and opens. */
    @Test
    void concurrentSealsGetDistinctNoncesAndOpen() throws Exception {
        String keyId = keys.create();
        Set<String> nonces = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String messageId = thread + "-" + i;
                        byte[] sealed = sealer.seal(keyId, messageId, bytes(messageId));
                        assertThat(nonces.add(nonceOf(sealed))).isTrue();
                        assertThat(sealer.open(messageId, sealed)).isEqualTo(bytes(messageId));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(nonces).hasSize(8 * 2_000);
    }

    /** The 12 nonce bytes after the {@code 0x01 ‖ len ‖ keyId} header. */
    private static String nonceOf(byte[] sealed) {
        int header = 2 + (sealed[1] & 0xFF);
        return HexFormat.of().formatHex(sealed, header, header + 12);
    }
}
