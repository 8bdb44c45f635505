package dev.sluice.store.tck;

import dev.sluice.store.QueueStore;
import org.junit.jupiter.api.Nested;

/**
 * Every contract suite at once: a backend's test class extends this and implements the {@link StoreBackend} hooks.
 *
 * <p>Each area suite runs as a {@link Nested} class whose backend is this one, so one subclass (for
 * example {@code LogQueueStoreTckTest}) runs the whole kit, and a backend may still extend a single area suite while
 * it is being built. The hooks are those of {@link StoreBackend}: {@link #openStore()} opens a store on fresh
 * data for one test, {@link #reopenStore()} reopens the data of the last one after the kit has closed it, and the
 * optional {@link #crashAndReopenStore(QueueStore)} recovers the data a simulated crash left.
 */
public abstract class QueueStoreContract implements StoreBackend {

    @Nested
    class QueueLifecycle extends QueueLifecycleContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Messages extends MessageContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Peek extends PeekContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Visibility extends VisibilityContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Delete extends DeleteContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Batches extends BatchContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Notification extends NotificationContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class MissingQueue extends MissingQueueContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Fifo extends FifoContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class ReceiveAttempts extends ReceiveAttemptContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Deduplication extends DeduplicationContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Redrive extends RedriveContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class AsyncDeletes extends AsyncDeleteContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class CrashRecovery extends CrashRecoveryContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Replay extends ReplayContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class AsyncAppend extends AsyncAppendContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }

    @Nested
    class Durability extends DurabilityContract {
        @Override
        protected StoreBackend backend() {
            return QueueStoreContract.this;
        }
    }
}
