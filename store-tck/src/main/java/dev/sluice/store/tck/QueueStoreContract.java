package dev.sluice.store.tck;

import dev.sluice.store.QueueStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;

/**
 * Every contract suite at once: a backend's test class extends this and implements the two hooks.
 *
 * <p>Each area suite runs as a {@link Nested} class whose hooks delegate to this class's, so one subclass (for
 * example {@code LogQueueStoreTckTest}) runs the whole kit, and a backend may still extend a single area suite while
 * it is being built. The hooks are those of {@link StoreContractSupport}: {@link #openStore()} opens a store on fresh
 * data for one test, {@link #reopenStore()} reopens the data of the last one after the kit has closed it, and the
 * optional {@link #crashAndReopenStore(QueueStore)} recovers the data a simulated crash left.
 */
public abstract class QueueStoreContract {

    /** Opens a store on fresh, empty data; called once before each test. */
    protected abstract QueueStore openStore();

    /** Opens a store on the data of the last {@link #openStore()}, which the kit has already closed. */
    protected abstract QueueStore reopenStore();

    /**
     * Simulates a process crash of {@code current} and opens a store on the data it left (see {@link
     * StoreContractSupport#crashAndReopenStore(QueueStore)}); by default crash tests are skipped.
     */
    protected QueueStore crashAndReopenStore(QueueStore current) {
        return Assumptions.abort("this backend does not simulate crashes");
    }

    @Nested
    class QueueLifecycle extends QueueLifecycleContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Messages extends MessageContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Peek extends PeekContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Visibility extends VisibilityContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Delete extends DeleteContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Notification extends NotificationContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class MissingQueue extends MissingQueueContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Fifo extends FifoContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Deduplication extends DeduplicationContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Redrive extends RedriveContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class CrashRecovery extends CrashRecoveryContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Replay extends ReplayContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }

    @Nested
    class Durability extends DurabilityContract {
        @Override
        protected QueueStore openStore() {
            return QueueStoreContract.this.openStore();
        }

        @Override
        protected QueueStore reopenStore() {
            return QueueStoreContract.this.reopenStore();
        }

        @Override
        protected QueueStore crashAndReopenStore(QueueStore current) {
            return QueueStoreContract.this.crashAndReopenStore(current);
        }
    }
}
