package dev.sluice.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.model.Member;
import dev.sluice.protocol.model.Shape;
import java.util.Map;

/**
 * Checks a parsed JSON request body against the input shape and copies it into the canonical request tree: unknown
 * members are dropped, {@code null} counts as absent, blobs become binary nodes, numbers become int or long nodes.
 * It reads the bodies {@link JsonBodyReader} gives up on, and so decides which error a bad body gets.
 *
 * <p>A value of the wrong JSON type (a string where an integer belongs, a fraction, an integer beyond the type's
 * range, an object where a string belongs) is a SerializationException, which is what an AWS JSON service answers
 * when a body does not deserialise; a blob that is not base64 is InvalidParameterValue, as in Query.
 */
final class JsonInputReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonInputReader() {}

    /** The members of a parsed body as {@code shape} reads them, before defaults and the top-level required check. */
    static ObjectNode members(ObjectNode body, Shape shape) {
        return structure(body, shape, "");
    }

    /**
     * Adds the defaults the request lacks to the members read by {@link #members} or {@link JsonBodyReader}, then
     * checks the top-level required members.
     */
    static ObjectNode complete(ObjectNode out, Shape shape, Map<String, String> defaults) {
        defaults.forEach((name, value) -> {
            if (shape.members().containsKey(name) && !out.has(name)) {
                out.put(name, value);
            }
        });
        checkRequired(out, shape, "");
        return out;
    }

    private static ObjectNode structure(JsonNode node, Shape shape, String path) {
        ObjectNode out = NODES.objectNode();
        for (Member member : shape.members().values()) {
            JsonNode value = node.get(member.name());
            if (value != null && !value.isNull()) {
                out.set(member.name(), value(value, member.shape(), path + member.name()));
            }
        }
        if (!path.isEmpty()) {
            checkRequired(out, shape, path);
        }
        return out;
    }

    private static void checkRequired(ObjectNode out, Shape shape, String path) {
        for (String name : shape.required()) {
            if (!out.has(name)) {
                throw Conversions.missing(path + name);
            }
        }
    }

    private static JsonNode value(JsonNode node, Shape shape, String path) {
        return switch (shape.type()) {
            case STRUCTURE -> {
                expect(node.isObject(), node, "a structure", path);
                yield structure(node, shape, path + ".");
            }
            case LIST -> {
                expect(node.isArray(), node, "a list", path);
                ArrayNode out = NODES.arrayNode(node.size());
                int i = 1;
                for (JsonNode element : node) {
                    String elementPath = path + "." + i++;
                    expect(!element.isNull(), element, "a list element", elementPath);
                    out.add(value(element, shape.element().shape(), elementPath));
                }
                yield out;
            }
            case MAP -> {
                expect(node.isObject(), node, "a map", path);
                ObjectNode out = NODES.objectNode();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String entryPath = path + "." + field.getKey();
                    expect(!field.getValue().isNull(), field.getValue(), "a map value", entryPath);
                    out.set(
                            field.getKey(),
                            value(field.getValue(), shape.value().shape(), entryPath));
                }
                yield out;
            }
            case STRING -> {
                expect(node.isTextual(), node, "a string", path);
                yield node;
            }
            case INTEGER -> {
                expect(node.isIntegralNumber() && node.canConvertToInt(), node, "an integer", path);
                yield IntNode.valueOf(node.intValue());
            }
            case LONG -> {
                expect(node.isIntegralNumber() && node.canConvertToLong(), node, "a long integer", path);
                yield LongNode.valueOf(node.longValue());
            }
            case BOOLEAN -> {
                expect(node.isBoolean(), node, "a boolean", path);
                yield BooleanNode.valueOf(node.booleanValue());
            }
            case BLOB -> {
                expect(node.isTextual(), node, "a base64 string", path);
                yield Conversions.scalar(node.textValue(), shape, path);
            }
        };
    }

    private static void expect(boolean ok, JsonNode node, String expected, String path) {
        if (!ok) {
            throw new SqsException(
                    ErrorCode.SERIALIZATION,
                    "Cannot deserialize the value of " + path + ": expected " + expected + ", found " + kind(node)
                            + ".");
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> node.isIntegralNumber() ? "the number " + node.asText() : "a decimal number";
            default -> "an unexpected value";
        };
    }
}
