package dev.sluice.engine.crypto;

/**
 * Bytes for a {@link PayloadSealer} to seal, written by their producer straight into the sealed payload's buffer,
 * where they are encrypted in place: a message body is then not copied into a buffer of its own first.
 */
public interface Plaintext {
    int length();

    /** Writes exactly {@link #length()} bytes into {@code out} from {@code offset}. */
    void writeTo(byte[] out, int offset);

    static Plaintext of(byte[] bytes) {
        return new Plaintext() {
            @Override
            public int length() {
                return bytes.length;
            }

            @Override
            public void writeTo(byte[] out, int offset) {
                System.arraycopy(bytes, 0, out, offset, bytes.length);
            }
        };
    }
}
