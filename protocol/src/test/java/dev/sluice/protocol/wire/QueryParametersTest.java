package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.model.ServiceModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form and query-string parsing: percent-decoding, UTF-8, merging, and the errors for broken input. */
class QueryParametersTest {

    private static ObjectNode sendMessage(HttpRequestView request) {
        WireRequest wire = QueryProtocol.INSTANCE.parse(request);
        return wire.input(
                ServiceModel.sqs().operation("SendMessage").orElseThrow().input(), Map.of());
    }

    @Test
    void percentEscapesAndPlusDecodeToUtf8Text() {
        ObjectNode tree = sendMessage(Requests.form("Action=SendMessage&QueueUrl=http%3A%2F%2Fh%2F1%2Fq"
                + "&MessageBody=a+b%20c%26d%3D%C3%A9%F0%9F%98%80%0D%0A"));
        assertThat(tree.get("QueueUrl").asText()).isEqualTo("http://h/1/q");
        assertThat(tree.get("MessageBody").asText()).isEqualTo("a b c&d=é😀\r\n");
    }

    @Test
    void rawUtf8BytesInAFormBodyAreAccepted() {
        ObjectNode tree = sendMessage(Requests.form("Action=SendMessage&QueueUrl=u&MessageBody=héllo"));
        assertThat(tree.get("MessageBody").asText()).isEqualTo("héllo");
    }

    @Test
    void urlQueryAndFormBodyAreMergedAndTheFirstOccurrenceWins() {
        HttpRequestView request = new HttpRequestView(
                "POST",
                "/",
                "Action=SendMessage&MessageBody=from-query",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                "QueueUrl=u&MessageBody=from-body".getBytes(StandardCharsets.UTF_8),
                false,
                "127.0.0.1");
        ObjectNode tree = sendMessage(request);
        assertThat(tree.get("MessageBody").asText()).isEqualTo("from-query");
        assertThat(tree.get("QueueUrl").asText()).isEqualTo("u");
    }

    @Test
    void aGetRequestCarriesEverythingInTheUrl() {
        WireRequest wire = QueryProtocol.INSTANCE.parse(Requests.get("/", "Action=ListQueues&QueueNamePrefix=a"));
        assertThat(wire.action()).contains("ListQueues");
    }

    @Test
    void unescapedUtf8InTheRequestLineIsRecoveredFromItsOneCharPerByteForm() {
        String latin1 = new String(
                "Action=SendMessage&QueueUrl=u&MessageBody=é".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        ObjectNode tree = sendMessage(Requests.get("/", latin1));
        assertThat(tree.get("MessageBody").asText()).isEqualTo("é");
    }

    @Test
    void aBodyThatIsNotAFormIsNotReadAsParameters() {
        HttpRequestView request = new HttpRequestView(
                "POST",
                "/",
                "",
                Map.of("Content-Type", List.of("application/json")),
                "Action=ListQueues".getBytes(StandardCharsets.UTF_8),
                false,
                "127.0.0.1");
        assertThat(QueryProtocol.INSTANCE.parse(request).action()).isEmpty();
    }

    @Test
    void brokenPercentEscapesAreMalformedQueryString() {
        for (String body : List.of("Action=SendMessage&MessageBody=%ZZ", "Action=SendMessage&MessageBody=%4", "A%=1")) {
            assertThatThrownBy(() -> QueryProtocol.INSTANCE.parse(Requests.form(body)))
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_QUERY_STRING))
                    .hasMessage("The query string contains a syntax error: an invalid percent escape.");
        }
    }

    @Test
    void invalidUtf8InAValueIsInvalidParameterValueNamingTheParameter() {
        for (String body : List.of("MessageBody=%C3%28", "MessageBody=%ED%A0%80", "MessageBody=%FF")) {
            assertThatThrownBy(() -> QueryProtocol.INSTANCE.parse(Requests.form("Action=SendMessage&" + body)))
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                    .hasMessage("Value for parameter MessageBody is invalid. Reason: the value is not valid UTF-8.");
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes("Action=SendMessage&MessageBody=".getBytes(StandardCharsets.UTF_8));
        raw.write(0xC0);
        raw.write(0x80);
        assertThatThrownBy(() -> QueryProtocol.INSTANCE.parse(Requests.form(raw.toByteArray())))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }

    @Test
    void invalidUtf8InANameIsInvalidQueryParameter() {
        assertThatThrownBy(() -> QueryProtocol.INSTANCE.parse(Requests.form("Action=SendMessage&%FF=1")))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY_PARAMETER))
                .hasMessage("The AWS query string is malformed or does not adhere to AWS standards: a parameter name"
                        + " is not valid UTF-8.");
    }

    @Test
    void tooManyParametersAreRefusedBeforeTheyFillTheHeap() {
        String body = "a=1&".repeat(QueryParameters.MAX_PARAMETERS + 1);
        assertThatThrownBy(() -> QueryProtocol.INSTANCE.parse(Requests.form(body)))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY_PARAMETER));
    }

    @Test
    void emptyPairsAndValuelessNamesAreTolerated() {
        ObjectNode tree = sendMessage(Requests.form("&&Action=SendMessage&&QueueUrl=u&MessageBody=x&Flag&=v&"));
        assertThat(tree.toString()).isEqualTo("{\"QueueUrl\":\"u\",\"MessageBody\":\"x\"}");
    }
}
