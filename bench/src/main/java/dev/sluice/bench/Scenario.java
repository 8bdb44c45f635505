package dev.sluice.bench;

import java.util.List;

/** One benchmark scenario: a load shape run for one round against one server. */
interface Scenario {

    String name();

    List<Metric> metrics();

    /** True when each round needs freshly started servers, e.g. because it measures their memory. */
    boolean freshServersEachRound();

    Measurement run(Server server, int round) throws Exception;

    /** Uncounted rounds per server before the counted ones, unless {@code --warmup-rounds} says otherwise. */
    default int defaultWarmupRounds() {
        return 1;
    }
}
