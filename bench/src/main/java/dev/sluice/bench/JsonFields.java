package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the few string fields the bench needs out of SQS JSON replies, without a JSON library. */
final class JsonFields {
    private JsonFields() {}

    static Optional<String> first(String json, String field) {
        List<String> all = all(json, field);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static List<String> all(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1).replace("\\/", "/").replace("\\\"", "\""));
        }
        return values;
    }
}
