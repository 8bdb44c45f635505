package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.store.QueueId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queue URLs: built from the advertised base or the request's Host, parsed by their last two segments. */
class QueueUrlsTest {
    private static final ProtocolConfig NO_BASE = new ProtocolConfig("", "000000000000");

    private static HttpRequestView withHost(String host) {
        return new HttpRequestView("GET", "/", "", Map.of("Host", List.of(host)), new byte[0], false, "127.0.0.1");
    }

    @Test
    void theRequestsHostIsUsedAndAWildcardHostBecomesLocalhost() {
        QueueId queue = new QueueId("000000000000", "q");
        assertThat(QueueUrls.forRequest(NO_BASE, withHost("sqs.local:9324")).of(queue))
                .isEqualTo("http://sqs.local:9324/000000000000/q");
        assertThat(QueueUrls.forRequest(NO_BASE, withHost("0.0.0.0:9324")).of(queue))
                .isEqualTo("http://localhost:9324/000000000000/q");
        assertThat(QueueUrls.forRequest(NO_BASE, withHost("[::]:9324")).of(queue))
                .isEqualTo("http://localhost:9324/000000000000/q");
        assertThat(QueueUrls.forRequest(new ProtocolConfig("https://x.example/", "1"), withHost("h"))
                        .of(queue))
                .isEqualTo("https://x.example/000000000000/q");
    }

    @Test
    void parsingUsesTheLastTwoPathSegmentsOnly() {
        assertThat(QueueUrls.parse("https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"))
                .isEqualTo(new QueueId("123456789012", "orders.fifo"));
        assertThat(QueueUrls.parse("http://proxy/prefix/000000000000/q/?x=1"))
                .isEqualTo(new QueueId("000000000000", "q"));
        assertThat(QueueUrls.fromPath("/")).isEmpty();
        assertThat(QueueUrls.fromPath("/only-one")).isEmpty();
        assertThatThrownBy(() -> QueueUrls.parse("http://host/q"))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ADDRESS))
                .hasMessage("The address http://host/q is not valid for this endpoint.");
    }
}
