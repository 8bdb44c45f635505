package dev.sluice.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders the results as markdown: per scenario, the medians of both servers and their ratio (Sluice/ElasticMQ). */
final class Report {
    private Report() {}

    static String markdown(List<String> header, List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder("# Sluice vs ElasticMQ benchmark\n\n");
        header.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\nMedians over the rounds (A B A B: Sluice, then ElasticMQ, each round). The machine is noisy:"
                + " read the ratio, not the absolute numbers.\n");
        for (ScenarioResult result : results) {
            out.append("\n## ").append(result.scenario().name()).append("\n\n");
            out.append("| metric | unit | Sluice | ElasticMQ | Sluice/ElasticMQ | goal | verdict | Sluice rounds"
                    + " | ElasticMQ rounds |\n");
            out.append("|---|---|---:|---:|---:|---|---|---|---|\n");
            for (Metric metric : result.scenario().metrics()) {
                double[] sluice = values(result.sluice(), metric);
                double[] elasticMq = values(result.elasticMq(), metric);
                double sluiceMedian = median(sluice);
                double ratio = sluiceMedian / median(elasticMq);
                out.append("| ")
                        .append(metric.name())
                        .append(" | ")
                        .append(metric.unit())
                        .append(" | ")
                        .append(number(sluiceMedian))
                        .append(" | ")
                        .append(number(median(elasticMq)))
                        .append(" | ")
                        .append(Double.isFinite(ratio) ? number(ratio) + "x" : "n/a")
                        .append(" | ")
                        .append(metric.goal().text(metric.unit()))
                        .append(" | ")
                        .append(metric.goal().verdict(sluiceMedian, Double.isFinite(ratio) ? ratio : Double.NaN))
                        .append(" | ")
                        .append(list(sluice))
                        .append(" | ")
                        .append(list(elasticMq))
                        .append(" |\n");
            }
            notes(out, "Sluice", result.sluice());
            notes(out, "ElasticMQ", result.elasticMq());
        }
        return out.toString();
    }

    private static void notes(StringBuilder out, String server, List<Measurement> rounds) {
        for (int i = 0; i < rounds.size(); i++) {
            for (String note : rounds.get(i).notes()) {
                out.append("\n- ")
                        .append(server)
                        .append(", round ")
                        .append(i + 1)
                        .append(": ")
                        .append(note.replace('|', '/'));
            }
        }
        out.append('\n');
    }

    private static double[] values(List<Measurement> rounds, Metric metric) {
        return rounds.stream().mapToDouble(m -> m.value(metric.name())).toArray();
    }

    static double median(double[] values) {
        double[] finite =
                Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int middle = finite.length / 2;
        return finite.length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj(Report::number).collect(Collectors.joining(", "));
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
