package dev.sluice.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** An HTTP answer as {@link RawHttp} read it, with accessors for the two SQS error formats. */
record RawResponse(int status, Map<String, String> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("answer is not JSON: " + text(), e);
        }
    }

    /** The JSON {@code __type} without any {@code namespace#} prefix. */
    String jsonType() {
        var type = json().path("__type").asText();
        return type.substring(type.indexOf('#') + 1);
    }

    String jsonMessage() {
        var node = json();
        return node.has("message")
                ? node.get("message").asText()
                : node.path("Message").asText();
    }

    Document xml() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("answer is not XML: " + text(), e);
        }
    }

    /** The text of the first element with this local name, or null. */
    String xmlText(String localName) {
        var nodes = xml().getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Override
    public String toString() {
        return status + " " + headers + "\n" + (body.length > 2_000 ? text().substring(0, 2_000) + "..." : text());
    }
}
