package dev.sluice.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NonceSequenceTest {
    /** A "random" source that returns chosen values, to pin the layout down. */
    private static SecureRandom fixed(int prefix, long counter) {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public int nextInt() {
                return prefix;
            }

            @Override
            public long nextLong() {
                return counter;
            }
        };
    }

    private static String next(NonceSequence nonces) {
        byte[] out = new byte[16];
        nonces.next(out, 2);
        assertThat(out[0]).isZero();
        assertThat(out[1]).isZero();
        assertThat(out[14]).isZero();
        assertThat(out[15]).isZero();
        return HexFormat.of().formatHex(out, 2, 14);
    }

    @Test
    void nonceIsTheRandomPrefixThenACounterFromARandomStart() {
        NonceSequence nonces = new NonceSequence(fixed(0x01020304, 0x00000000FFFFFFFEL));
        assertThat(next(nonces)).isEqualTo("01020304" + "00000000fffffffe");
        assertThat(next(nonces)).isEqualTo("01020304" + "00000000ffffffff");
        assertThat(next(nonces)).isEqualTo("01020304" + "0000000100000000");
    }

    @Test
    void sequencesStartAtIndependentRandomPoints() {
        SecureRandom random = new SecureRandom();
        assertThat(next(new NonceSequence(random))).isNotEqualTo(next(new NonceSequence(random)));
    }
}
