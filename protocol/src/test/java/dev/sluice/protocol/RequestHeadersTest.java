package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Request headers: one copy, names compared case-insensitively, values in arrival order. */
class RequestHeadersTest {

    @Test
    void namesAreComparedCaseInsensitivelyAndTheFirstValueIsTheHeader() {
        RequestHeaders headers = RequestHeaders.builder()
                .add("Content-Type", "application/x-amz-json-1.0")
                .add("X-Amz-Target", "AmazonSQS.SendMessage")
                .add("x-amz-target", "AmazonSQS.Other")
                .build();
        assertThat(headers.first("content-type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(headers.first("X-AMZ-TARGET")).isEqualTo("AmazonSQS.SendMessage");
        assertThat(headers.get("x-Amz-Target")).containsExactly("AmazonSQS.SendMessage", "AmazonSQS.Other");
        assertThat(headers.first("Host")).isNull();
        assertThat(headers.get("Host")).isNull();
        assertThat(headers.containsKey("CONTENT-TYPE")).isTrue();
        assertThat(headers.containsKey(42)).isFalse();
        assertThat(headers).hasSize(2);
        // the spelling first seen names the header
        assertThat(headers.keySet()).containsExactly("Content-Type", "X-Amz-Target");
    }

    @Test
    void iterationIsInCaseInsensitiveNameOrderAsWithASortedMap() {
        RequestHeaders headers = RequestHeaders.builder()
                .add("b", "2")
                .add("A", "1")
                .add("c", "3")
                .build();
        assertThat(headers.keySet()).containsExactly("A", "b", "c");
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(Map.of("a", List.of("1"), "B", List.of("2"), "C", List.of("3")));
        assertThat(headers).isEqualTo(sorted);
    }

    @Test
    void copiesJoinNamesThatDifferOnlyInCaseInTheMapsOrder() {
        Map<String, List<String>> source = new LinkedHashMap<>();
        source.put("Accept", List.of("a", "c"));
        source.put("accept", List.of("b"));
        source.put("Empty", List.of());
        RequestHeaders headers = RequestHeaders.copyOf(source);
        assertThat(headers.get("ACCEPT")).containsExactly("a", "c", "b");
        // a name sent without values is present, with no first value
        assertThat(headers.containsKey("empty")).isTrue();
        assertThat(headers.get("empty")).isEmpty();
        assertThat(headers.first("empty")).isNull();
        assertThat(RequestHeaders.copyOf(headers)).isSameAs(headers);
    }

    @Test
    void aRequestViewKeepsHeadersItIsGivenAndCopiesOtherMaps() {
        RequestHeaders headers = RequestHeaders.builder().add("Host", "h").build();
        HttpRequestView view = new HttpRequestView("GET", "/", "", headers, new byte[0], false, "127.0.0.1");
        assertThat(view.headers()).isSameAs(headers);
        HttpRequestView copied =
                new HttpRequestView("GET", "/", "", Map.of("HOST", List.of("h")), new byte[0], false, "127.0.0.1");
        assertThat(copied.header("host")).isEqualTo("h");
        assertThat(copied.headers()).isInstanceOf(RequestHeaders.class);
    }

    @Test
    void manyHeadersAreFoundThroughTheSortedIndex() {
        RequestHeaders.Builder builder = RequestHeaders.builder();
        int count = RequestHeaders.SCAN_LIMIT * 40;
        for (int i = 0; i < count; i++) {
            builder.add("X-Header-" + i, "v" + i);
        }
        builder.add("x-header-7", "again");
        RequestHeaders headers = builder.build();
        assertThat(headers).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(headers.first("x-HEADER-" + i)).isEqualTo("v" + i);
        }
        assertThat(headers.get("X-Header-7")).containsExactly("v7", "again");
        assertThat(headers.first("X-Header-" + count)).isNull();
    }

    @Test
    void headersAreReadOnlyAndABuilderIsUsedOnce() {
        RequestHeaders.Builder builder = RequestHeaders.builder().add("A", "1").add("A", "2");
        RequestHeaders headers = builder.build();
        assertThatThrownBy(() -> headers.put("B", List.of("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.get("A").add("3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> builder.add("C", "3")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(headers.get("a")).containsExactly("1", "2");
    }
}
