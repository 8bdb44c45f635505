package dev.sluice.protocol.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.protocol.model.Member;
import dev.sluice.protocol.model.Shape;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON request body straight into the canonical request tree, in one streaming pass over the body, for the
 * bodies real clients send: well-formed, and every member of the input shape of its type. The result is the tree
 * {@link JsonInputReader} builds from the parsed document (members of each structure in model order), without
 * building that document first.
 *
 * <p>For anything else it gives up (empty) and the caller reads the body the general way, which reports the error.
 * This reader never reports errors itself because which error a bad body gets depends on seeing the whole document
 * first (a syntax error anywhere wins over a type error) and then walking the shape in model order. It gives up on:
 * malformed JSON of any kind (the parser has the same settings as the general path and reads every token, decoding
 * every string, skipped ones included), a top level that is not an object, a value of the wrong type or range, a
 * null list element or map value, a blob that is not base64, and a nested structure without a required member.
 */
final class JsonBodyReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonBodyReader() {}

    /** The members of the body's top-level object as the input shape reads them; empty when the body needs the general path. */
    static Optional<ObjectNode> read(JsonFactory factory, byte[] body, Shape shape) {
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            ObjectNode members = structure(parser, shape, false);
            if (members == null || parser.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(members);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The object whose start was just read, as {@code shape}; null to give up. */
    private static ObjectNode structure(JsonParser parser, Shape shape, boolean nested) throws IOException {
        Map<String, Member> members = shape.members();
        ObjectNode out = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Member member = members.get(name);
            JsonToken token = parser.nextToken();
            if (member == null) {
                if (!skip(parser, token)) {
                    return null;
                }
            } else if (token != JsonToken.VALUE_NULL) {
                JsonNode value = value(parser, token, member.shape());
                if (value == null) {
                    return null;
                }
                out.set(name, value);
            }
        }
        if (nested) {
            for (String name : shape.required()) {
                if (!out.has(name)) {
                    return null;
                }
            }
        }
        return inModelOrder(out, shape);
    }

    private static JsonNode value(JsonParser parser, JsonToken token, Shape shape) throws IOException {
        return switch (shape.type()) {
            case STRUCTURE -> token == JsonToken.START_OBJECT ? structure(parser, shape, true) : null;
            case LIST ->
                token == JsonToken.START_ARRAY ? list(parser, shape.element().shape()) : null;
            case MAP ->
                token == JsonToken.START_OBJECT ? map(parser, shape.value().shape()) : null;
            case STRING -> token == JsonToken.VALUE_STRING ? TextNode.valueOf(parser.getText()) : null;
            case INTEGER -> token == JsonToken.VALUE_NUMBER_INT ? integer(parser) : null;
            case LONG -> token == JsonToken.VALUE_NUMBER_INT ? longInteger(parser) : null;
            case BOOLEAN ->
                token == JsonToken.VALUE_TRUE
                        ? BooleanNode.TRUE
                        : token == JsonToken.VALUE_FALSE ? BooleanNode.FALSE : null;
            case BLOB -> token == JsonToken.VALUE_STRING ? blob(parser.getText()) : null;
        };
    }

    private static ArrayNode list(JsonParser parser, Shape element) throws IOException {
        ArrayNode out = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            JsonNode value = token == JsonToken.VALUE_NULL ? null : value(parser, token, element);
            if (value == null) {
                return null;
            }
            out.add(value);
        }
        return out;
    }

    private static ObjectNode map(JsonParser parser, Shape valueShape) throws IOException {
        ObjectNode out = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            JsonNode value = token == JsonToken.VALUE_NULL ? null : value(parser, token, valueShape);
            if (value == null) {
                return null;
            }
            out.set(key, value);
        }
        return out;
    }

    /** An int when the number fits, as the tree path's int/long/big-integer node would (null otherwise). */
    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> IntNode.valueOf(parser.getIntValue());
            case LONG -> {
                long value = parser.getLongValue();
                yield value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? IntNode.valueOf((int) value) : null;
            }
            default -> null; // a big integer is beyond long, so beyond int
        };
    }

    private static JsonNode longInteger(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> LongNode.valueOf(parser.getIntValue());
            case LONG -> LongNode.valueOf(parser.getLongValue());
            default -> null;
        };
    }

    private static JsonNode blob(String text) {
        try {
            return BinaryNode.valueOf(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads past the value of an unknown member, decoding its strings and numbers as building a tree would, so that
     * a body this reader accepts is one the general path accepts. False if the input ends early.
     */
    private static boolean skip(JsonParser parser, JsonToken first) throws IOException {
        int depth = 0;
        JsonToken token = first;
        while (token != null) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
                default -> {}
            }
            if (depth == 0) {
                return true;
            }
            token = parser.nextToken();
        }
        return false;
    }

    /** {@code out} with its members in model order (clients send them in that order, so this rarely copies). */
    private static ObjectNode inModelOrder(ObjectNode out, Shape shape) {
        Iterator<String> model = shape.members().keySet().iterator();
        Iterator<String> read = out.fieldNames();
        while (read.hasNext()) {
            String name = read.next();
            boolean found = false;
            while (!found && model.hasNext()) {
                found = model.next().equals(name);
            }
            if (!found) {
                ObjectNode sorted = NODES.objectNode();
                for (String member : shape.members().keySet()) {
                    JsonNode value = out.get(member);
                    if (value != null) {
                        sorted.set(member, value);
                    }
                }
                return sorted;
            }
        }
        return out;
    }
}
