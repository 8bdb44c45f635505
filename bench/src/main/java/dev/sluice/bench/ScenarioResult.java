package dev.sluice.bench;

import java.util.List;

/** The rounds of one scenario, per server, in the order they ran. */
record ScenarioResult(Scenario scenario, List<Measurement> sluice, List<Measurement> elasticMq) {}
