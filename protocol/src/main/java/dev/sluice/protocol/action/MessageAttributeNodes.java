package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.MessageAttributeValue;
import dev.sluice.engine.SendMessageInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Converts message attribute maps and message inputs between the request/response trees and engine records. */
final class MessageAttributeNodes {
    private static final String TRACE_HEADER = "AWSTraceHeader";

    private MessageAttributeNodes() {}

    /** The attribute map member of {@code node} ({@code MessageAttributes}, {@code MessageSystemAttributes}), or null. */
    static Map<String, MessageAttributeValue> read(JsonNode node, String member) {
        JsonNode map = node.get(member);
        if (map == null) {
            return null;
        }
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            JsonNode value = entry.getValue();
            JsonNode binary = value.get("BinaryValue");
            out.put(
                    entry.getKey(),
                    new MessageAttributeValue(
                            Members.string(value, "DataType"),
                            Members.string(value, "StringValue"),
                            binary == null ? null : bytes(binary)));
        }
        return out;
    }

    /**
     * One message to send from a SendMessage request or a SendMessageBatch entry; with a trace header, the
     * {@code AWSTraceHeader} system attribute is added when the message does not set one (REFERENCE §2.8).
     */
    static SendMessageInput sendInput(JsonNode node, Optional<String> traceHeader) {
        Map<String, MessageAttributeValue> system = read(node, "MessageSystemAttributes");
        if (traceHeader.isPresent() && (system == null || !system.containsKey(TRACE_HEADER))) {
            system = system == null ? new LinkedHashMap<>() : system;
            system.put(TRACE_HEADER, MessageAttributeValue.ofString("String", traceHeader.get()));
        }
        return new SendMessageInput(
                Members.string(node, "MessageBody"),
                Members.integer(node, "DelaySeconds"),
                read(node, "MessageAttributes"),
                system,
                Members.string(node, "MessageDeduplicationId"),
                Members.string(node, "MessageGroupId"));
    }

    static ObjectNode write(Map<String, MessageAttributeValue> attributes) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        attributes.forEach((name, value) -> {
            ObjectNode item = out.putObject(name);
            if (value.stringValue() != null) {
                item.put("StringValue", value.stringValue());
            }
            if (value.binaryValue() != null) {
                item.put("BinaryValue", value.binaryValue());
            }
            item.put("DataType", value.dataType());
        });
        return out;
    }

    private static byte[] bytes(JsonNode binary) {
        try {
            return binary.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
