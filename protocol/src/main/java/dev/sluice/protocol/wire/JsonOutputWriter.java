package dev.sluice.protocol.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.model.Member;
import dev.sluice.protocol.model.Shape;
import dev.sluice.protocol.model.ShapeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes the output tree as a JSON 1.0 body, walking the output shape: members in model order, absent members left
 * out, empty lists and maps left out unless the model requires the member (an empty ReceiveMessage is {@code {}},
 * REFERENCE §1.2, while ListDeadLetterSourceQueues always has {@code queueUrls}), blobs as base64. Actions leave out
 * required members that AWS omits when empty (the batch {@code Successful}/{@code Failed} lists).
 */
final class JsonOutputWriter {
    private JsonOutputWriter() {}

    static byte[] write(JsonFactory factory, Shape shape, JsonNode output) {
        ResultBytes bytes = new ResultBytes();
        try (JsonGenerator json = factory.createGenerator(bytes)) {
            structure(json, shape, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An error body: {@code {"__type":…,"message":…}}, without the message when it is null. */
    static byte[] writeError(JsonFactory factory, String type, String message) {
        ResultBytes bytes = new ResultBytes();
        try (JsonGenerator json = factory.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("__type", type);
            if (message != null) {
                json.writeStringField("message", message);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void structure(JsonGenerator json, Shape shape, JsonNode node) throws IOException {
        json.writeStartObject();
        if (node != null) {
            for (Member member : shape.members().values()) {
                JsonNode value = node.get(member.name());
                if (value == null
                        || value.isNull()
                        || (isEmptyCollection(member, value)
                                && !shape.required().contains(member.name()))) {
                    continue;
                }
                json.writeFieldName(member.name());
                value(json, member.shape(), value);
            }
        }
        json.writeEndObject();
    }

    private static boolean isEmptyCollection(Member member, JsonNode value) {
        return member.shape().type() != ShapeType.STRUCTURE && value.isContainerNode() && value.isEmpty();
    }

    private static void value(JsonGenerator json, Shape shape, JsonNode value) throws IOException {
        switch (shape.type()) {
            case STRUCTURE -> structure(json, shape, value);
            case LIST -> {
                json.writeStartArray();
                for (JsonNode item : value) {
                    value(json, shape.element().shape(), item);
                }
                json.writeEndArray();
            }
            case MAP -> {
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    json.writeFieldName(entry.getKey());
                    value(json, shape.value().shape(), entry.getValue());
                }
                json.writeEndObject();
            }
            case STRING -> json.writeString(value.asText());
            case INTEGER, LONG -> json.writeNumber(value.asLong());
            case BOOLEAN -> json.writeBoolean(value.asBoolean());
            case BLOB -> json.writeBinary(value.binaryValue());
        }
    }
}
