package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.crypto.Plaintext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
    @Test
    void theBodyViewIsExactlyTheStoredUtf8BytesAndDigestsLikeTheString() {
        String body = "h\u00e9llo \uD83D\uDE00";
        byte[] encoded = PayloadCodec.encode(new MessagePayload(
                body, Map.of("a", MessageAttributeValue.ofString("String", "after the body")), null));

        ByteBuffer view = PayloadCodec.body(encoded);

        byte[] bytes = new byte[view.remaining()];
        view.duplicate().get(bytes);
        assertThat(bytes).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(Md5Digests.ofBody(view)).isEqualTo(Md5Digests.ofBody(body));
    }

    @Test
    void theBodyViewSharesThePayloadArraySoDigestsReadItInPlace() {
        byte[] encoded = PayloadCodec.encode(new MessagePayload("x".repeat(1024), null, null));

        ByteBuffer view = PayloadCodec.body(encoded);

        // a read-only view would hide the array, and MessageDigest would copy the body out in chunks
        assertThat(view.hasArray()).isTrue();
        assertThat(view.array()).isSameAs(encoded);
        assertThat(view.remaining()).isEqualTo(1024);
    }

    @Test
    void bodyAndBothAttributeKindsRoundTrip() {
        MessagePayload p = new MessagePayload(
                "héllo \uD83D\uDE00\r\n",
                Map.of(
                        "s", MessageAttributeValue.ofString("String.x", "v"),
                        "n", MessageAttributeValue.ofString("Number", "0042"),
                        "b", MessageAttributeValue.ofBinary("Binary", new byte[] {0, (byte) 0xFF})),
                Map.of("AWSTraceHeader", MessageAttributeValue.ofString("String", "Root=1")));

        MessagePayload back = PayloadCodec.decode(PayloadCodec.encode(p));

        assertThat(back.body()).isEqualTo(p.body());
        assertThat(back.messageAttributes()).containsOnlyKeys("s", "n", "b");
        assertThat(back.messageAttributes().get("n").stringValue()).isEqualTo("0042");
        assertThat(back.messageAttributes().get("s").dataType()).isEqualTo("String.x");
        assertThat(back.messageAttributes().get("b").binaryValue()).containsExactly(0, 0xFF);
        assertThat(back.systemAttributes().get("AWSTraceHeader").stringValue()).isEqualTo("Root=1");
        assertThat(Md5Digests.ofAttributes(back.messageAttributes()))
                .isEqualTo(Md5Digests.ofAttributes(p.messageAttributes()));
    }

    /** Stored payloads outlive the code: version 1 stays byte for byte what it was, whichever way it is encoded. */
    @Test
    void encodingIsTheVersion1Layout() {
        Map<String, MessageAttributeValue> user = Map.of(
                "b", MessageAttributeValue.ofBinary("Binary", new byte[] {1}),
                "a", MessageAttributeValue.ofString("String", "v"));
        Map<String, MessageAttributeValue> system =
                Map.of("AWSTraceHeader", MessageAttributeValue.ofString("String", "R"));
        String expected = "01" + "00000003" + "68c3a9" // version, str("hé")
                + "0002" // two user attributes, in name order
                + "00000001" + "61" + "00000006" + "537472696e67" + "01" + "00000001" + "76"
                + "00000001" + "62" + "00000006" + "42696e617279" + "02" + "00000001" + "01"
                + "0001" // one system attribute
                + "0000000e" + "4157535472616365486561646572" + "00000006" + "537472696e67" + "01" + "00000001" + "52";

        assertThat(HexFormat.of().formatHex(PayloadCodec.encode(new MessagePayload("h\u00e9", user, system))))
                .isEqualTo(expected);
        assertThat(HexFormat.of()
                        .formatHex(PayloadCodec.encode("h\u00e9".getBytes(StandardCharsets.UTF_8), user, system)))
                .isEqualTo(expected);
        assertThat(PayloadCodec.encode("x".getBytes(StandardCharsets.UTF_8), null, Map.of()))
                .isEqualTo(PayloadCodec.encode(new MessagePayload("x", null, null)))
                .isEqualTo(new byte[] {1, 0, 0, 0, 1, 'x', 0, 0, 0, 0});
        Plaintext encoding = PayloadCodec.encoding("h\u00e9".getBytes(StandardCharsets.UTF_8), user, system);
        byte[] out = new byte[3 + encoding.length() + 2];
        encoding.writeTo(out, 3);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("000000" + expected + "0000");
    }

    @Test
    void messageWithoutAttributesRoundTrips() {
        MessagePayload back = PayloadCodec.decode(PayloadCodec.encode(new MessagePayload("x", null, null)));
        assertThat(back.body()).isEqualTo("x");
        assertThat(back.messageAttributes()).isEmpty();
        assertThat(back.systemAttributes()).isEmpty();
    }
}
