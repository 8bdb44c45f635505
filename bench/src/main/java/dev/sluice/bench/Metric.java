package dev.sluice.bench;

/** One measured quantity of a scenario, with its unit and the goal it is judged against. */
record Metric(String name, String unit, Goal goal) {}
