package dev.sluice.protocol.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters arranged as a tree by their dotted names: {@code MessageAttribute.1.Value.DataType=String} is the
 * value of node {@code MessageAttribute → 1 → Value → DataType}. The first occurrence of a name wins.
 */
final class ParamNode {
    private String value;
    private Map<String, ParamNode> children;

    /** The value sent under exactly this name, or {@code null}. */
    String value() {
        return value;
    }

    ParamNode child(String name) {
        return children == null ? null : children.get(name);
    }

    Map<String, ParamNode> children() {
        return children == null ? Map.of() : Collections.unmodifiableMap(children);
    }

    void put(String name, String newValue) {
        ParamNode node = this;
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            String segment = dot < 0 ? name.substring(start) : name.substring(start, dot);
            if (node.children == null) {
                node.children = new LinkedHashMap<>();
            }
            node = node.children.computeIfAbsent(segment, k -> new ParamNode());
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        if (node.value == null) {
            node.value = newValue;
        }
    }
}
