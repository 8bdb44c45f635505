package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.HttpRequestView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REFERENCE §1.1: JSON needs both the JSON 1.0 content type and X-Amz-Target; everything else is Query. */
class ProtocolDetectionTest {

    private static WireProtocol detect(Map<String, List<String>> headers) {
        return WireProtocol.of(new HttpRequestView("POST", "/", "", headers, new byte[0], false, "127.0.0.1"));
    }

    @Test
    void jsonNeedsTheContentTypeAndTheTarget() {
        assertThat(detect(Map.of(
                        "content-type", List.of("application/x-amz-json-1.0; charset=utf-8"),
                        "x-amz-target", List.of("AmazonSQS.ListQueues"))))
                .isSameAs(JsonProtocol.INSTANCE);
        assertThat(detect(Map.of("Content-Type", List.of("application/x-amz-json-1.0"))))
                .isSameAs(QueryProtocol.INSTANCE);
        assertThat(detect(Map.of(
                        "Content-Type", List.of("application/x-www-form-urlencoded"),
                        "X-Amz-Target", List.of("AmazonSQS.ListQueues"))))
                .isSameAs(QueryProtocol.INSTANCE);
        assertThat(detect(Map.of())).isSameAs(QueryProtocol.INSTANCE);
    }

    @Test
    void aTargetWithoutTheSqsPrefixIsTakenWhole() {
        HttpRequestView request = new HttpRequestView(
                "POST",
                "/",
                "",
                Map.of(
                        "Content-Type", List.of("application/x-amz-json-1.0"),
                        "X-Amz-Target", List.of("DynamoDB_20120810.ListTables")),
                new byte[0],
                false,
                "127.0.0.1");
        assertThat(JsonProtocol.INSTANCE.parse(request).action()).contains("DynamoDB_20120810.ListTables");
    }
}
