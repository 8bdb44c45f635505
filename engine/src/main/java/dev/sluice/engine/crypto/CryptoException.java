package dev.sluice.engine.crypto;

/** A payload or key could not be sealed or opened: unknown key id, wrong master key, or tampered bytes. */
public class CryptoException extends RuntimeException {
    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
