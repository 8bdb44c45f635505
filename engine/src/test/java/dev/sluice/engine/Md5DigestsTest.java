package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Md5DigestsTest {
    private static MessageAttributeValue str(String v) {
        return MessageAttributeValue.ofString("String", v);
    }

    /** REFERENCE §5.1: AWS-recorded digest of the body "msg". */
    @Test
    void bodyDigestMatchesAwsRecordedValue() {
        assertThat(Md5Digests.ofBody("msg")).isEqualTo("6e2baaf3b97dbeef01c0043275f9a0e7");
    }

    /** REFERENCE §5.3 worked example. */
    @Test
    void workedExampleDigestsAreReproduced() {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "trace-id", str("abc-123"),
                "Priority", MessageAttributeValue.ofString("Number.int", "5"),
                "blob", MessageAttributeValue.ofBinary("Binary", new byte[] {0, 1, 2, (byte) 0xFF}));
        Map<String, MessageAttributeValue> system =
                Map.of("AWSTraceHeader", str("Root=1-65a1b2c3-0123456789abcdef01234567;Sampled=1"));

        assertThat(Md5Digests.ofBody("{\"order\":42}")).isEqualTo("0d15cd31971ecd0d554a062cddbab844");
        assertThat(Md5Digests.ofAttributes(attributes)).isEqualTo("3c24df738f73cdb53937453806beb8c7");
        assertThat(Md5Digests.ofAttributes(system)).isEqualTo("c96c3f11f20eef7fa8a72059cfb17958");
    }

    /** REFERENCE §5.2: four AWS-recorded digests for four filters of one message. */
    @Test
    void attributeDigestCoversExactlyTheSelectedAttributes() {
        Map<String, MessageAttributeValue> all =
                Map.of("Help.Me", str("Me"), "Hello", str("There"), "General", str("Kenobi"));

        assertThat(Md5Digests.ofAttributes(MessageReceiver.select(all, List.of("All"))))
                .isEqualTo("4c360f3fdafd970e05fae2f149d997f5");
        assertThat(Md5Digests.ofAttributes(MessageReceiver.select(all, List.of("General", "Hello"))))
                .isEqualTo("fca026605781cb4126a1e9044df24232");
        assertThat(Md5Digests.ofAttributes(MessageReceiver.select(all, List.of("Hel.*"))))
                .isEqualTo("83fee93c1bcd8b9a5a923ffacdc636c7");
        assertThat(Md5Digests.ofAttributes(MessageReceiver.select(all, List.of("Hello"))))
                .isEqualTo("a311262e065454b75da111d535b8dacd");
    }

    /** REFERENCE §5.2: AWS-recorded MD5OfMessageSystemAttributes. */
    @Test
    void systemAttributeDigestMatchesAwsRecordedValue() {
        Map<String, MessageAttributeValue> system = Map.of(
                "AWSTraceHeader", str("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        assertThat(Md5Digests.ofAttributes(system)).isEqualTo("5ae4d5d7636402d80f4eb6d213245a88");
    }

    @Test
    void noAttributesMeansNoDigest() {
        assertThat(Md5Digests.ofAttributes(Map.of())).isNull();
        assertThat(Md5Digests.ofAttributes(null)).isNull();
    }

    @Test
    void contentBasedDeduplicationIdIsLowerCaseSha256OfBody() {
        assertThat(Md5Digests.sha256OfBody("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void selectionPatternsFollowSqsRules() {
        Map<String, MessageAttributeValue> all = Map.of("a.b", str("1"), "a.c", str("2"), "ab", str("3"));
        assertThat(MessageReceiver.select(all, List.of(".*"))).containsOnlyKeys("a.b", "a.c", "ab");
        assertThat(MessageReceiver.select(all, List.of("a.*"))).containsOnlyKeys("a.b", "a.c", "ab");
        assertThat(MessageReceiver.select(all, List.of("a.b.*"))).containsOnlyKeys("a.b");
        assertThat(MessageReceiver.select(all, List.of("a"))).isEmpty();
        assertThat(MessageReceiver.select(all, List.of("AWS.", "..foo"))).isEmpty();
        assertThat(MessageReceiver.select(all, List.of())).isEmpty();
    }
}
