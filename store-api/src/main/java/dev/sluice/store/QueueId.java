package dev.sluice.store;

import java.util.Objects;

/** Names a queue: the account that owns it and its name, which is unique within the account. */
public record QueueId(String account, String name) {
    public QueueId {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return account + "/" + name;
    }
}
