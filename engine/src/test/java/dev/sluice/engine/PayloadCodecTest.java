package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
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

    @Test
    void messageWithoutAttributesRoundTrips() {
        MessagePayload back = PayloadCodec.decode(PayloadCodec.encode(new MessagePayload("x", null, null)));
        assertThat(back.body()).isEqualTo("x");
        assertThat(back.messageAttributes()).isEmpty();
        assertThat(back.systemAttributes()).isEmpty();
    }
}
