package dev.sluice.bench;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/** Counts and mean durations of the SDK calls of one pipeline run, to see where its time goes. */
final class CallStats {
    final Timer sends = new Timer();
    final Timer receives = new Timer();
    final Timer deletes = new Timer();
    final LongAdder received = new LongAdder();

    /** The number of calls of one kind and their summed duration. */
    static final class Timer {
        private final LongAdder calls = new LongAdder();
        private final LongAdder nanos = new LongAdder();

        void add(long elapsedNanos) {
            calls.increment();
            nanos.add(elapsedNanos);
        }

        @Override
        public String toString() {
            long count = calls.sum();
            double meanMillis = count == 0 ? 0 : nanos.sum() / 1e6 / count;
            return String.format(Locale.ROOT, "%d calls, mean %.1f ms", count, meanMillis);
        }
    }

    @Override
    public String toString() {
        long receiveCalls = receives.calls.sum();
        double perReceive = receiveCalls == 0 ? 0 : (double) received.sum() / receiveCalls;
        return String.format(
                Locale.ROOT,
                "SendMessageBatch %s; ReceiveMessage %s, %.1f messages each; DeleteMessageBatch %s",
                sends,
                receives,
                perReceive,
                deletes);
    }
}
