package dev.sluice.store.log;

/** A record or checkpoint whose bytes cannot be what the store wrote. */
final class CorruptRecordException extends RuntimeException {
    CorruptRecordException(String message) {
        super(message);
    }
}
