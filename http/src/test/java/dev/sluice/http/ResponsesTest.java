package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.HttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Endpoint answers in Netty's form: headers as sent, validated as Netty validates, body not copied. */
class ResponsesTest {
    private static final Map<String, String> SQS_HEADERS = Map.of(
            "x-amzn-RequestId", "5fea7756-0ea4-451a-a703-a558b933e274",
            "Date", "Wed, 25 Nov 2026 13:29:13 GMT",
            "Content-Type", "application/x-amz-json-1.0",
            "x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender");

    @Test
    void anAnswerKeepsItsStatusHeadersAndBodyAndGetsItsLength() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        FullHttpResponse netty = Responses.toNetty(new HttpResponse(400, SQS_HEADERS, body), true, false);
        try {
            assertThat(netty.status().code()).isEqualTo(400);
            SQS_HEADERS.forEach(
                    (name, value) -> assertThat(netty.headers().getAll(name)).containsExactly(value));
            assertThat(netty.headers().get("content-length")).isEqualTo("7");
            assertThat(netty.headers().contains("Connection")).isFalse();
            assertThat(netty.headers().size()).isEqualTo(SQS_HEADERS.size() + 1);
            assertThat(netty.trailingHeaders().isEmpty()).isTrue();
            // the body array is wrapped, not copied
            assertThat(netty.content().hasArray()).isTrue();
            assertThat(netty.content().array()).isSameAs(body);
            // the names every SQS answer carries are ready-made ASCII strings
            netty.headers()
                    .iteratorCharSequence()
                    .forEachRemaining(header -> assertThat(header.getKey()).isInstanceOf(AsciiString.class));
        } finally {
            netty.release();
        }
    }

    @Test
    void theConnectionHeaderFollowsKeepAliveAndTheProtocolVersion() {
        HttpResponse answer = new HttpResponse(200, Map.of("Connection", "upgrade"), new byte[0]);
        FullHttpResponse closing = Responses.toNetty(answer, false, false);
        FullHttpResponse http10 = Responses.toNetty(answer, true, true);
        FullHttpResponse kept = Responses.toNetty(answer, true, false);
        assertThat(closing.headers().getAll("connection")).containsExactly("close");
        assertThat(http10.headers().getAll("connection")).containsExactly("keep-alive");
        assertThat(kept.headers().contains("connection")).isFalse();
        assertThat(kept.headers().get("content-length")).isEqualTo("0");
    }

    @Test
    void headersAreAcceptedOrRefusedExactlyAsNettysDefaultValidationDoes() {
        List<String> names = new ArrayList<>(List.of(
                "X-Ok",
                "x-amzn-RequestId",
                "Content-Type",
                "",
                "Bad Name",
                "Bad:Name",
                "Bad\r\nName",
                "Ünicode",
                "tab\tname",
                "del\u007f",
                "(paren)",
                "!#$%&'*+-.^_`|~"));
        List<String> values = new ArrayList<>(List.of(
                "",
                "plain",
                "a\r\nInjected: b",
                "tab\tinside",
                "trailing ",
                "nul\u0000",
                "del\u007f",
                "é latin-1",
                "\u20ac euro",
                "line\nfeed",
                "cr\ronly",
                "text/xml",
                "no-store"));
        for (char c = 0; c < 0x100; c++) {
            names.add("n" + c);
            values.add("v" + c);
        }
        for (String name : names) {
            for (String value : List.of("v", "\u0001")) {
                assertSameOutcome(name, value);
            }
        }
        for (String value : values) {
            assertSameOutcome("X-Value", value);
        }
    }

    private static void assertSameOutcome(String name, String value) {
        boolean nettyAccepts;
        try {
            HttpHeaders validated = DefaultHttpHeadersFactory.headersFactory().newHeaders();
            validated.set(name, value);
            nettyAccepts = true;
        } catch (IllegalArgumentException e) {
            nettyAccepts = false;
        }
        HttpResponse answer = new HttpResponse(200, Map.of(name, value), new byte[0]);
        if (nettyAccepts) {
            FullHttpResponse netty = Responses.toNetty(answer, true, false);
            assertThat(netty.headers().get(name)).as("%s: %s", name, value).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> Responses.toNetty(answer, true, false))
                    .as("%s: %s", name, value)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
