package dev.sluice.protocol;

import java.util.Objects;

/**
 * Who sent a request: for now the account every request acts as. Authentication (SigV4) will produce richer
 * principals; actions only ever ask for the account.
 *
 * @param account the caller's 12-digit account id
 */
public record Caller(String account) {
    public Caller {
        Objects.requireNonNull(account, "account");
    }
}
