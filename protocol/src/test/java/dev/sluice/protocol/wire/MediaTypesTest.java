package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Content-Type prefix check answers exactly as trimming and lower-casing the header did (REFERENCE §1.1). */
class MediaTypesTest {
    private static final List<String> PREFIXES =
            List.of(WireProtocol.JSON_CONTENT_TYPE, "application/x-www-form-urlencoded");

    private static boolean reference(String value, String prefix) {
        return value.trim().toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    @Test
    void matchesIgnoringAsciiCaseAndLeadingWhitespaceOnly() {
        String json = WireProtocol.JSON_CONTENT_TYPE;
        assertThat(MediaTypes.startsWith(json, json)).isTrue();
        assertThat(MediaTypes.startsWith(" \t\r\nApplication/X-AMZ-JSON-1.0; charset=utf-8", json))
                .isTrue();
        assertThat(MediaTypes.startsWith("application/x-amz-json-1.1", json)).isFalse();
        assertThat(MediaTypes.startsWith("application/x-amz-json-1.", json)).isFalse();
        assertThat(MediaTypes.startsWith("", json)).isFalse();
        assertThat(MediaTypes.startsWith("\u00a0application/x-amz-json-1.0", json))
                .isFalse(); // no-break space is not trimmed
        // characters that are not ASCII never match an ASCII letter, as with toLowerCase
        assertThat(MediaTypes.startsWith("appl\u0131cation/x-amz-json-1.0", json))
                .isFalse(); // dotless i
        assertThat(MediaTypes.startsWith("appl\u0130cation/x-amz-json-1.0", json))
                .isFalse(); // dotted capital I
        assertThat(MediaTypes.startsWith("application/x-amz-j\u017fon-1.0", json))
                .isFalse(); // long s
    }

    @Test
    void agreesWithTrimAndToLowerCaseOnVariedInput() {
        Random random = new Random(5);
        String odd = " \t\u0000\u00a0\u0130\u0131\u017f\u212a\u00c9;=-./0123456789";
        for (String prefix : PREFIXES) {
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                StringBuilder value = new StringBuilder();
                for (int lead = random.nextInt(3); lead > 0; lead--) {
                    value.append(" \t\r\n\u000b\u0001".charAt(random.nextInt(6)));
                }
                int length = random.nextInt(prefix.length() + 3);
                for (int j = 0; j < length; j++) {
                    char c = j < prefix.length() ? prefix.charAt(j) : 'x';
                    int roll = random.nextInt(30);
                    if (roll == 0) {
                        c = odd.charAt(random.nextInt(odd.length()));
                    } else if (roll < 12) {
                        c = Character.toUpperCase(c);
                    }
                    value.append(c);
                }
                inputs.add(value.toString());
            }
            int matches = 0;
            for (String value : inputs) {
                boolean expected = reference(value, prefix);
                assertThat(MediaTypes.startsWith(value, prefix)).as(value).isEqualTo(expected);
                matches += expected ? 1 : 0;
            }
            assertThat(matches).isGreaterThan(500); // both answers are exercised
        }
    }
}
