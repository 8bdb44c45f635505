package dev.sluice.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latency samples in nanoseconds, recorded by one thread and merged after the run to read percentiles. */
final class Latencies {
    private long[] samples = new long[1024];
    private int count;

    void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    int count() {
        return count;
    }

    static Latencies merge(Collection<Latencies> parts) {
        Latencies merged = new Latencies();
        int total = parts.stream().mapToInt(Latencies::count).sum();
        merged.samples = new long[Math.max(total, 1)];
        for (Latencies part : parts) {
            System.arraycopy(part.samples, 0, merged.samples, merged.count, part.count);
            merged.count += part.count;
        }
        Arrays.sort(merged.samples, 0, merged.count);
        return merged;
    }

    /** The percentile in milliseconds (nearest rank) of merged, sorted samples; NaN without samples. */
    double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return samples[Math.clamp(rank - 1, 0, count - 1)] / 1_000_000.0;
    }
}
