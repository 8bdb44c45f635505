package dev.sluice.bench;

/** What issue 2 asks of one metric: a ratio to ElasticMQ, an absolute bound on Sluice, or nothing. */
record Goal(Kind kind, double bound) {

    enum Kind {
        NONE,
        RATIO_AT_LEAST,
        RATIO_BELOW,
        SLUICE_BELOW
    }

    static final Goal NONE = new Goal(Kind.NONE, 0);

    static Goal ratioAtLeast(double bound) {
        return new Goal(Kind.RATIO_AT_LEAST, bound);
    }

    static Goal ratioBelow(double bound) {
        return new Goal(Kind.RATIO_BELOW, bound);
    }

    static Goal sluiceBelow(double bound) {
        return new Goal(Kind.SLUICE_BELOW, bound);
    }

    String text(String unit) {
        return switch (kind) {
            case NONE -> "";
            case RATIO_AT_LEAST -> "ratio >= " + Report.number(bound);
            case RATIO_BELOW -> "ratio < " + Report.number(bound);
            case SLUICE_BELOW -> "Sluice < " + Report.number(bound) + " " + unit;
        };
    }

    /** "met", "MISSED" or "" when there is no goal or nothing was measured. */
    String verdict(double sluice, double ratio) {
        double value = switch (kind) {
            case NONE -> Double.NaN;
            case RATIO_AT_LEAST, RATIO_BELOW -> ratio;
            case SLUICE_BELOW -> sluice;
        };
        if (Double.isNaN(value)) {
            return "";
        }
        boolean met = kind == Kind.RATIO_AT_LEAST ? value >= bound : value < bound;
        return met ? "met" : "MISSED";
    }
}
