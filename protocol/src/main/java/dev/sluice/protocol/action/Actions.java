package dev.sluice.protocol.action;

import java.util.Map;
import java.util.Optional;

/** The action registry: the implemented SQS actions by name. */
public final class Actions {
    private final Map<String, Action> actions;

    private Actions(Map<String, Action> actions) {
        this.actions = Map.copyOf(actions);
    }

    /** The SQS actions Sluice implements for standard queues (the other actions of the model are unsupported). */
    public static Actions standard() {
        return new Actions(Map.ofEntries(
                Map.entry("CreateQueue", new CreateQueue()),
                Map.entry("GetQueueUrl", new GetQueueUrl()),
                Map.entry("ListQueues", new ListQueues()),
                Map.entry("DeleteQueue", new DeleteQueue()),
                Map.entry("GetQueueAttributes", new GetQueueAttributes()),
                Map.entry("SetQueueAttributes", new SetQueueAttributes()),
                Map.entry("PurgeQueue", new PurgeQueue()),
                Map.entry("SendMessage", new SendMessage()),
                Map.entry("SendMessageBatch", new SendMessageBatch()),
                Map.entry("ReceiveMessage", new ReceiveMessage()),
                Map.entry("DeleteMessage", new DeleteMessage()),
                Map.entry("DeleteMessageBatch", new DeleteMessageBatch()),
                Map.entry("ChangeMessageVisibility", new ChangeMessageVisibility()),
                Map.entry("ChangeMessageVisibilityBatch", new ChangeMessageVisibilityBatch()),
                Map.entry("TagQueue", new TagQueue()),
                Map.entry("UntagQueue", new UntagQueue()),
                Map.entry("ListQueueTags", new ListQueueTags()),
                Map.entry("ListDeadLetterSourceQueues", new ListDeadLetterSourceQueues())));
    }

    /** This registry with {@code action} registered under {@code name}, replacing any action of that name. */
    public Actions with(String name, Action action) {
        Map<String, Action> all = new java.util.HashMap<>(actions);
        all.put(name, action);
        return new Actions(all);
    }

    public Optional<Action> find(String name) {
        return Optional.ofNullable(actions.get(name));
    }
}
