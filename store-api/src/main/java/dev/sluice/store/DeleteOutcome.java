package dev.sluice.store;

/** What {@link QueueStore#delete} did (or one entry of {@link QueueStore#deleteAll}). */
public enum DeleteOutcome {
    /** The message was removed. */
    DELETED,
    /** No such message (already deleted, expired, purged or never existed): nothing to do. */
    NOT_FOUND,
    /** The caller required a current ref and the ref's delivery is no longer in flight; nothing was removed. */
    RECEIPT_EXPIRED
}
