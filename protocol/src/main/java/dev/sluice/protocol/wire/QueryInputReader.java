package dev.sluice.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.model.Member;
import dev.sluice.protocol.model.Shape;
import dev.sluice.protocol.model.ShapeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Translates flattened Query parameters into the canonical request tree, driven by the model's shapes.
 *
 * <p>A member is looked up under each of its names: the Query {@code locationName}, the JSON member name and the
 * shape's {@code locationName} (so {@code Attribute.1.Name} and {@code Attributes.1.Name} both work). A flattened
 * list's elements are numbered children of the member name or of the element's {@code locationName}
 * ({@code AttributeName.1}); indices are sorted and gaps tolerated. An un-indexed element counts as the first
 * ({@code AttributeName=All}, {@code Attribute.Name=DelaySeconds&Attribute.Value=5}). A list the Query model never
 * named ({@code MessageSystemAttributeNames}) also answers to its singular ({@code MessageSystemAttributeName.1}).
 * Query cannot say "empty list" other than by leaving the list out, so a required list that is absent reads as
 * empty (SendMessageBatch then answers EmptyBatchRequest, as AWS does). Unknown parameters are ignored.
 */
final class QueryInputReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QueryInputReader() {}

    static ObjectNode read(ParamNode root, Shape shape, Map<String, String> defaults) {
        return structure(root, shape, "", defaults);
    }

    private static ObjectNode structure(ParamNode node, Shape shape, String path, Map<String, String> defaults) {
        ObjectNode out = NODES.objectNode();
        for (Member member : shape.members().values()) {
            JsonNode value = member(node, member, path);
            if (value != null) {
                out.set(member.name(), value);
            }
        }
        defaults.forEach((name, value) -> {
            if (shape.members().containsKey(name) && !out.has(name)) {
                out.put(name, value);
            }
        });
        for (String name : shape.required()) {
            if (!out.has(name)) {
                Member member = shape.members().get(name);
                if (member.shape().type() == ShapeType.LIST) {
                    out.set(name, NODES.arrayNode());
                } else {
                    throw Conversions.missing(path.isEmpty() ? name : path + member.queryName());
                }
            }
        }
        return out;
    }

    private static JsonNode member(ParamNode node, Member member, String path) {
        Shape shape = member.shape();
        return switch (shape.type()) {
            case LIST -> list(node, member, path);
            case MAP -> map(node, member, path);
            case STRUCTURE -> {
                for (String name : names(member)) {
                    ParamNode child = node.child(name);
                    if (child != null) {
                        yield structure(child, shape, path + name + ".", Map.of());
                    }
                }
                yield null;
            }
            default -> {
                for (String name : names(member)) {
                    ParamNode child = node.child(name);
                    if (child != null && child.value() != null) {
                        yield Conversions.scalar(child.value(), shape, path + name);
                    }
                }
                yield null;
            }
        };
    }

    private static Set<String> names(Member member) {
        Set<String> names = new LinkedHashSet<>();
        names.add(member.queryName());
        names.add(member.name());
        if (member.shape().locationName() != null) {
            names.add(member.shape().locationName());
        }
        return names;
    }

    private static JsonNode list(ParamNode node, Member member, String path) {
        Member element = member.shape().element();
        List<Container> containers = new ArrayList<>();
        Set<String> names = names(member);
        if (member.isFlattened()) {
            if (element.locationName() != null) {
                names.add(element.locationName());
            } else if (member.locationName() == null && member.name().endsWith("s")) {
                names.add(member.name().substring(0, member.name().length() - 1));
            }
            for (String name : names) {
                ParamNode child = node.child(name);
                if (child != null) {
                    containers.add(new Container(child, path + name));
                }
            }
        } else {
            String wrapper = element.locationName() != null ? element.locationName() : "member";
            for (String name : names) {
                ParamNode child = node.child(name);
                if (child != null) {
                    ParamNode inner = child.child(wrapper);
                    containers.add(new Container(inner == null ? new ParamNode() : inner, path + name + "." + wrapper));
                }
            }
        }
        if (containers.isEmpty()) {
            return null;
        }
        Set<String> entryNames = new LinkedHashSet<>();
        element.shape().members().values().forEach(m -> entryNames.addAll(names(m)));
        TreeMap<Integer, Container> items = indexed(containers, element.shape().isScalar(), entryNames);
        ArrayNode out = NODES.arrayNode();
        for (Container item : items.values()) {
            out.add(content(item.node(), element.shape(), item.path()));
        }
        return out;
    }

    private static JsonNode map(ParamNode node, Member member, String path) {
        Shape shape = member.shape();
        List<Container> containers = new ArrayList<>();
        for (String name : names(member)) {
            ParamNode child = node.child(name);
            if (child != null) {
                if (member.isFlattened()) {
                    containers.add(new Container(child, path + name));
                } else {
                    ParamNode inner = child.child("entry");
                    containers.add(new Container(inner == null ? new ParamNode() : inner, path + name + ".entry"));
                }
            }
        }
        if (containers.isEmpty()) {
            return null;
        }
        String keyName = shape.key().locationName() != null ? shape.key().locationName() : "key";
        String valueName = shape.value().locationName() != null ? shape.value().locationName() : "value";
        ObjectNode out = NODES.objectNode();
        for (Container entry :
                indexed(containers, false, Set.of(keyName, valueName)).values()) {
            ParamNode key = entry.node().child(keyName);
            if (key == null || key.value() == null) {
                throw Conversions.missing(entry.path() + "." + keyName);
            }
            ParamNode value = entry.node().child(valueName);
            Shape valueShape = shape.value().shape();
            if (valueShape.isScalar() && (value == null || value.value() == null)) {
                throw Conversions.missing(entry.path() + "." + valueName);
            }
            if (value == null) {
                value = new ParamNode(); // a structure value: its required members report what is missing
            }
            out.set(key.value(), content(value, valueShape, entry.path() + "." + valueName));
        }
        return out;
    }

    /**
     * The numbered children of the containers, sorted by index. An un-indexed element comes first: a scalar value
     * ({@code AttributeName=All}) or, when the container directly holds members of an element or entry
     * ({@code Attribute.Name=DelaySeconds}), the container itself.
     */
    private static TreeMap<Integer, Container> indexed(
            List<Container> containers, boolean scalarElements, Set<String> entryNames) {
        TreeMap<Integer, Container> items = new TreeMap<>();
        for (Container container : containers) {
            boolean bareEntry = false;
            for (Map.Entry<String, ParamNode> child :
                    container.node().children().entrySet()) {
                if (entryNames.contains(child.getKey())) {
                    bareEntry = true;
                    continue;
                }
                String itemPath = container.path() + "." + child.getKey();
                items.putIfAbsent(index(child.getKey(), itemPath), new Container(child.getValue(), itemPath));
            }
            if (bareEntry) {
                items.putIfAbsent(0, container);
            }
        }
        if (scalarElements) {
            for (Container container : containers) {
                String bare = container.node().value();
                if (bare != null && !bare.isEmpty()) {
                    items.putIfAbsent(0, new Container(container.node(), container.path()));
                }
            }
        }
        return items;
    }

    private static int index(String text, String parameter) {
        boolean digits = !text.isEmpty() && text.length() <= 10;
        for (int i = 0; digits && i < text.length(); i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        long index = digits ? Long.parseLong(text) : -1;
        if (index < 1 || index > Integer.MAX_VALUE) {
            throw new SqsException(
                    ErrorCode.INVALID_QUERY_PARAMETER,
                    "The AWS query string is malformed or does not adhere to AWS standards: parameter " + parameter
                            + " does not have a list index from 1 to " + Integer.MAX_VALUE + ".");
        }
        return (int) index;
    }

    private static JsonNode content(ParamNode node, Shape shape, String path) {
        if (shape.type() == ShapeType.STRUCTURE) {
            return structure(node, shape, path + ".", Map.of());
        }
        if (!shape.isScalar()) {
            throw new IllegalStateException("nested collections are not in the SQS model: " + shape);
        }
        return Conversions.scalar(node.value() == null ? "" : node.value(), shape, path);
    }

    private record Container(ParamNode node, String path) {}
}
