package dev.sluice.bench;

import java.util.List;
import java.util.Map;

/** What one round of a scenario measured on one server: a value per metric name, and notes worth reporting. */
record Measurement(Map<String, Double> values, List<String> notes) {

    static Measurement failed(String note) {
        return new Measurement(Map.of(), List.of(note));
    }

    double value(String metric) {
        return values.getOrDefault(metric, Double.NaN);
    }
}
