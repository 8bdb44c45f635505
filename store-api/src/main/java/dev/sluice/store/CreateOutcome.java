package dev.sluice.store;

/** What {@link QueueStore#createQueue} did. */
public sealed interface CreateOutcome {
    /** The queue did not exist and now does; {@code queue} carries the incarnation the store assigned. */
    record Created(QueueRecord queue) implements CreateOutcome {}

    /** A queue of that name already exists; nothing was changed. The engine decides whether that is an error. */
    record Exists(QueueRecord queue) implements CreateOutcome {}

    /** A queue of that name was deleted after the caller's {@code recreateAfter} instant; nothing was created. */
    record DeletedRecently() implements CreateOutcome {}
}
