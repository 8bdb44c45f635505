package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves which wire protocol each driver really speaks, from the Content-Type its SDK put on the requests it sent
 * (STYLE.md item 8): v2 must send AWS JSON 1.0 and v1 form-encoded Query, so a version bump cannot quietly make both
 * speak JSON and leave the Query codec untested.
 */
class ProtocolTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void eachSdkSendsItsOwnWireProtocol(Sdk sdk) {
        try (var sqs = sdk.open(sluice.endpoint())) {
            var url = sqs.createQueue(SluiceExtension.uniqueQueueName("wire"));
            sqs.send(url, "which protocol?");
            sqs.receive(url, ReceiveOptions.upTo(1).messageAttributes("All"));
            sqs.getQueueAttributes(url, List.of("All"));

            assertThat(sqs.sentContentTypes())
                    .hasSize(4)
                    .allSatisfy(contentType ->
                            assertThat(contentType.split(";")[0].trim()).isEqualTo(sdk.contentType()));
        }
    }

    @BothSdks
    void messageSentOverOneProtocolIsReceivedIdenticallyOverTheOther(Sdk sender) {
        var other = sender == Sdk.V2_JSON ? Sdk.V1_QUERY : Sdk.V2_JSON;
        var in = sluice.driver(sender);
        var out = sluice.driver(other);
        var url = in.createQueue(SluiceExtension.uniqueQueueName("cross"));
        var message = OutgoingMessage.of("crlf\r\n 😀 <&>")
                .withAttribute("s", MessageAttribute.string("ünï"))
                .withAttribute("n", MessageAttribute.ofType("Number.float", "3.14"))
                .withAttribute("b", MessageAttribute.binary((byte) 0xFF, (byte) 0));

        var sent = in.send(url, message);
        var received = Messages.receiveOne(out, url, ReceiveOptions.defaults().messageAttributes("All"));

        assertThat(received.messageId()).isEqualTo(sent.messageId());
        assertThat(received.body()).isEqualTo(message.body());
        assertThat(received.messageAttributes()).isEqualTo(message.attributes());
        assertThat(received.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
    }
}
