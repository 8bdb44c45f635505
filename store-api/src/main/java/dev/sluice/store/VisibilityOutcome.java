package dev.sluice.store;

/** What {@link QueueStore#changeVisibility} did (or one entry of {@link QueueStore#changeVisibilityAll}). */
public enum VisibilityOutcome {
    /** The message's visibility deadline was set. */
    CHANGED,
    /** No such message. */
    NOT_FOUND,
    /** The caller required a current ref and the ref's delivery is no longer in flight; nothing changed. */
    RECEIPT_EXPIRED
}
