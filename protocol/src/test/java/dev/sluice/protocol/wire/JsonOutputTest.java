package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.HttpResponse;
import dev.sluice.protocol.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON 1.0 answers: model member order, omitted empties, {@code {}} for no output (REFERENCE §1.2). */
class JsonOutputTest {

    private static String json(String action, ObjectNode output) {
        HttpResponse response = JsonProtocol.INSTANCE.success(
                ServiceModel.sqs().operation(action).orElseThrow(), output, "rid", Map.of("x-amzn-RequestId", "rid"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsEntry("Content-Type", "application/x-amz-json-1.0")
                .containsEntry("x-amzn-RequestId", "rid");
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void actionsWithoutOutputAnswerAnEmptyObject() {
        assertThat(json("DeleteMessage", JsonNodeFactory.instance.objectNode())).isEqualTo("{}");
    }

    @Test
    void emptyListsAndMapsAreLeftOut() {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.putArray("Messages");
        assertThat(json("ReceiveMessage", output)).isEqualTo("{}");
        ObjectNode tags = JsonNodeFactory.instance.objectNode();
        tags.putObject("Tags");
        assertThat(json("ListQueueTags", tags)).isEqualTo("{}");
        ObjectNode batch = JsonNodeFactory.instance.objectNode();
        batch.putArray("Successful").addObject().put("Id", "a");
        assertThat(json("DeleteMessageBatch", batch)).isEqualTo("{\"Successful\":[{\"Id\":\"a\"}]}");
    }

    @Test
    void emptyListsTheModelRequiresAreKept() {
        ObjectNode sources = JsonNodeFactory.instance.objectNode();
        sources.putArray("queueUrls");
        assertThat(json("ListDeadLetterSourceQueues", sources)).isEqualTo("{\"queueUrls\":[]}");
    }

    @Test
    void messagesKeepModelOrderTypesAndBase64Binary() {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ObjectNode message = output.putArray("Messages").addObject();
        message.putObject("MessageAttributes")
                .putObject("blob")
                .put("DataType", "Binary")
                .put("BinaryValue", new byte[] {0, 1, 2, (byte) 255});
        message.put("Body", "line\r\n\"quoted\"");
        message.put("MessageId", "m");
        assertThat(json("ReceiveMessage", output))
                .isEqualTo("{\"Messages\":[{\"MessageId\":\"m\",\"Body\":\"line\\r\\n\\\"quoted\\\"\","
                        + "\"MessageAttributes\":{\"blob\":{\"BinaryValue\":\"AAEC/w==\",\"DataType\":\"Binary\"}}}]}");
        ObjectNode failed = JsonNodeFactory.instance.objectNode();
        failed.putArray("Failed")
                .addObject()
                .put("Id", "a")
                .put("SenderFault", true)
                .put("Code", "InvalidMessageContents");
        assertThat(json("SendMessageBatch", failed))
                .isEqualTo("{\"Failed\":[{\"Id\":\"a\",\"SenderFault\":true,\"Code\":\"InvalidMessageContents\"}]}");
    }

    @Test
    void answersLargerThanTheGeneratorsBufferAreWrittenWhole() throws Exception {
        // over 8,000 bytes the generator writes its buffer out more than once; like any UTF-8 generator of Jackson's
        // it escapes surrogate pairs
        String body = "\u00e9x\"\n\ud83d\ude00".repeat(4_000);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.putArray("Messages").addObject().put("Body", body);
        assertThat(json("ReceiveMessage", output))
                .isEqualTo("{\"Messages\":[{\"Body\":"
                        + new String(new ObjectMapper().writeValueAsBytes(body), StandardCharsets.UTF_8) + "}]}");
    }
}
