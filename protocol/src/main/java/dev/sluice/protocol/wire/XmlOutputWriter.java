package dev.sluice.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.model.Member;
import dev.sluice.protocol.model.Operation;
import dev.sluice.protocol.model.Shape;
import java.util.Base64;
import java.util.Map;

/**
 * Writes a success response of the Query protocol: {@code <ActionResponse><ActionResult>…</ActionResult>
 * <ResponseMetadata>} with the element names and flattening of the Query model (REFERENCE §1.3). Members appear in
 * model order; absent members and empty lists and maps are left out.
 */
final class XmlOutputWriter {
    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

    private XmlOutputWriter() {}

    static String write(Operation operation, JsonNode output, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\"?>");
        xml.append('<')
                .append(operation.name())
                .append("Response xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        operation.output().ifPresent(shape -> {
            StringBuilder members = new StringBuilder();
            structureMembers(members, shape, output);
            if (members.isEmpty()) {
                xml.append('<').append(operation.resultWrapper()).append("/>");
            } else {
                xml.append('<').append(operation.resultWrapper()).append('>');
                xml.append(members);
                xml.append("</").append(operation.resultWrapper()).append('>');
            }
        });
        xml.append("<ResponseMetadata><RequestId>");
        XmlText.append(xml, requestId);
        xml.append("</RequestId></ResponseMetadata>");
        xml.append("</").append(operation.name()).append("Response>");
        return xml.toString();
    }

    private static void structureMembers(StringBuilder xml, Shape shape, JsonNode node) {
        if (node == null) {
            return;
        }
        for (Member member : shape.members().values()) {
            JsonNode value = node.get(member.name());
            if (value != null && !value.isNull()) {
                member(xml, member, value);
            }
        }
    }

    private static void member(StringBuilder xml, Member member, JsonNode value) {
        Shape shape = member.shape();
        switch (shape.type()) {
            case LIST -> {
                if (value.isEmpty()) {
                    return;
                }
                Member element = shape.element();
                if (member.isFlattened()) {
                    String name = element.locationName() != null ? element.locationName() : member.queryName();
                    for (JsonNode item : value) {
                        element(xml, name, element.shape(), item);
                    }
                } else {
                    String name = element.locationName() != null ? element.locationName() : "member";
                    open(xml, member.queryName());
                    for (JsonNode item : value) {
                        element(xml, name, element.shape(), item);
                    }
                    close(xml, member.queryName());
                }
            }
            case MAP -> {
                if (value.isEmpty()) {
                    return;
                }
                String keyName =
                        shape.key().locationName() != null ? shape.key().locationName() : "key";
                String valueName =
                        shape.value().locationName() != null ? shape.value().locationName() : "value";
                String entryName = member.locationName() != null
                        ? member.locationName()
                        : shape.locationName() != null ? shape.locationName() : member.name();
                if (!member.isFlattened()) {
                    open(xml, member.queryName());
                    entryName = "entry";
                }
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    open(xml, entryName);
                    open(xml, keyName);
                    XmlText.append(xml, entry.getKey());
                    close(xml, keyName);
                    element(xml, valueName, shape.value().shape(), entry.getValue());
                    close(xml, entryName);
                }
                if (!member.isFlattened()) {
                    close(xml, member.queryName());
                }
            }
            default -> element(xml, member.queryName(), shape, value);
        }
    }

    private static void element(StringBuilder xml, String name, Shape shape, JsonNode value) {
        open(xml, name);
        switch (shape.type()) {
            case STRUCTURE -> structureMembers(xml, shape, value);
            case BLOB -> xml.append(Base64.getEncoder().encodeToString(binary(value)));
            case BOOLEAN -> xml.append(value.asBoolean());
            case INTEGER, LONG -> xml.append(value.asLong());
            case STRING -> XmlText.append(xml, value.asText());
            default -> throw new IllegalStateException("nested collections are not in the SQS model: " + shape);
        }
        close(xml, name);
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("blob member is not binary", e);
        }
    }

    private static void open(StringBuilder xml, String name) {
        xml.append('<').append(name).append('>');
    }

    private static void close(StringBuilder xml, String name) {
        xml.append("</").append(name).append('>');
    }
}
