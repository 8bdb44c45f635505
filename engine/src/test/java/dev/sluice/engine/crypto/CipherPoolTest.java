package dev.sluice.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class CipherPoolTest {
    @Test
    void returnedCiphersAreReusedAndAnEmptyPoolMakesNewOnes() {
        CipherPool pool = new CipherPool(4);
        Cipher a = pool.borrow();
        Cipher b = pool.borrow();
        assertThat(a).isNotSameAs(b);
        assertThat(a.getAlgorithm()).isEqualTo("AES/GCM/NoPadding");

        pool.release(a);
        assertThat(pool.borrow()).isSameAs(a);
        assertThat(pool.borrow()).isNotSameAs(a).isNotSameAs(b);
    }

    @Test
    void aFullPoolDropsWhatIsReturned() {
        CipherPool pool = new CipherPool(2);
        Cipher a = pool.borrow();
        Cipher b = pool.borrow();
        Cipher c = pool.borrow();
        pool.release(a);
        pool.release(b);
        pool.release(c);

        Cipher first = pool.borrow();
        Cipher second = pool.borrow();
        assertThat(first).isIn(a, b);
        assertThat(second).isIn(a, b).isNotSameAs(first);
        assertThat(pool.borrow()).isNotIn(a, b, c);
    }

    @Test
    void slotCountIsAPowerOfTwo() {
        assertThatThrownBy(() -> new CipherPool(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
