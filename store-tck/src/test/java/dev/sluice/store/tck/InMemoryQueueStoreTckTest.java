package dev.sluice.store.tck;

import dev.sluice.store.QueueStore;

/** Runs the kit against the in-memory reference model, so a kit test that no store could pass shows up here. */
class InMemoryQueueStoreTckTest extends QueueStoreContract {
    private InMemoryData data;

    @Override
    public QueueStore openStore() {
        data = new InMemoryData();
        return new InMemoryQueueStore(data);
    }

    @Override
    public QueueStore reopenStore() {
        return new InMemoryQueueStore(data);
    }

    /** Everything the model acknowledged is in its data at once, as a crash-safe store's file would hold it. */
    @Override
    public QueueStore crashAndReopenStore(QueueStore current) {
        current.close();
        return new InMemoryQueueStore(data);
    }
}
