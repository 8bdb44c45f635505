package dev.sluice.store;

/**
 * The store could not do what was asked (disk failure, full disk, lost database connection, store closed). The
 * change was not made durable and must not be acknowledged; the engine answers with a 5xx.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
