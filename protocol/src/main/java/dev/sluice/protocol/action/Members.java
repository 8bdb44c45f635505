package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of members of the canonical request tree. The codecs have already checked every member against its
 * shape, so these only pick the value out; absent members read as {@code null} or as empty collections.
 */
final class Members {
    private Members() {}

    static String string(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Integer integer(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.intValue();
    }

    static List<String> strings(JsonNode node, String member) {
        List<String> out = new ArrayList<>();
        JsonNode value = node.get(member);
        if (value != null) {
            value.forEach(item -> out.add(item.asText()));
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode node, String member) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode value = node.get(member);
        if (value != null) {
            value.properties()
                    .forEach(entry -> out.put(entry.getKey(), entry.getValue().asText()));
        }
        return out;
    }

    static List<JsonNode> list(JsonNode node, String member) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode value = node.get(member);
        if (value != null) {
            value.forEach(out::add);
        }
        return out;
    }
}
