/**
 * The store test kit: abstract JUnit 5 suites that pin down the {@link dev.sluice.store.QueueStore} contract, written
 * once and passed by every backend.
 *
 * <p>A backend runs the whole kit by extending {@link dev.sluice.store.tck.QueueStoreContract} in its tests and
 * implementing {@code openStore()} (fresh data for one test), {@code reopenStore()} (the same data after the kit closed
 * the store) and, if it can simulate one, {@code crashAndReopenStore(QueueStore)}. Each area suite (for example {@link
 * dev.sluice.store.tck.FifoContract}) can also be extended alone. Tests pass explicit instants from a fixed base, so
 * none of them sleeps.
 */
package dev.sluice.store.tck;
