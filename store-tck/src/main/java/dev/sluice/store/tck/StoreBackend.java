package dev.sluice.store.tck;

import dev.sluice.store.QueueStore;
import org.junit.jupiter.api.Assumptions;

/**
 * What a store backend gives the test kit: fresh stores, reopened stores and, if it can simulate one, the store left
 * by a crash. A backend's test class extends {@link QueueStoreContract}, which is a {@code StoreBackend}.
 */
public interface StoreBackend {
    /**
     * Opens a store on fresh, empty data (a new folder for the log store, a new schema or truncated tables for
     * PostgreSQL); called once before each test.
     */
    QueueStore openStore();

    /**
     * Opens a store on the data of the last {@link #openStore()}; the previous store has already been closed by the
     * kit. Must see everything the closed store acknowledged.
     */
    QueueStore reopenStore();

    /**
     * Simulates a process crash of {@code current} at this instant and opens a store on the data the crash left
     * behind. The implementation abandons {@code current} without a clean shutdown (for a file store: copy the data
     * folder as it is on disk while the store is still open, then open the copy; for a database: drop the connections
     * without closing the store) and releases its resources; the kit never uses it again. By default a backend cannot
     * simulate a crash and the crash tests are skipped.
     */
    default QueueStore crashAndReopenStore(QueueStore current) {
        return Assumptions.abort("this backend does not simulate crashes");
    }
}
