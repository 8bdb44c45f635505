package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.store.QueueId;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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

    @Test
    void queueUrlShapesAndTheirEdgesParseAsJavaNetUriReadsThem() {
        // REFERENCE §1.4: the last two non-empty path segments name the queue, whatever the host, port or prefix
        assertParsed("HTTPS://sqs.us-east-1.amazonaws.com:443/123456789012/q", "123456789012", "q");
        assertParsed("http://h/0/q?Action=SendMessage#frag", "0", "q");
        assertParsed("http://h//0//q//", "0", "q");
        assertParsed("http://h/0/q%2Efifo", "0", "q.fifo");
        assertParsed("http://h/0/a+b", "0", "a+b");
        assertParsed("http://user:pw@h/0/q", "0", "q");
        assertParsed("http://h:not-a-port/0/q", "0", "q"); // a registry-based authority to java.net.URI
        assertParsed("http://[::1]:9324/0/q", "0", "q"); // IPv6 literals go through java.net.URI
        assertParsed("http://h/0/\u00e9t\u00e9", "0", "\u00e9t\u00e9"); // so do non-ASCII characters
        assertParsed("http://h/0/%C3%A9", "0", "\u00e9");
        for (String invalid : List.of(
                "http://h/0/%zz", // java.net.URI accepts no broken escape
                "http:///0/q",
                "http://",
                "http://h",
                "http://h/q",
                "http://h/0/q with space",
                "http://h/0/q#a#b",
                "http\u017f://h/0/q", // a long s is not an ASCII s
                "ftp://h/0/q",
                "/0/q",
                "")) {
            assertThatThrownBy(() -> QueueUrls.parse(invalid))
                    .as(invalid)
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ADDRESS))
                    .hasMessage("The address " + invalid + " is not valid for this endpoint.");
        }
    }

    @Test
    void theOnePassParserAgreesWithJavaNetUriOnGeneratedUrls() {
        Random random = new Random(1234);
        int decidedInOnePass = 0;
        int queues = 0;
        for (int i = 0; i < 20_000; i++) {
            String url = generatedUrl(random);
            decidedInOnePass += PlainHttpUrl.rawPath(url).isPresent() ? 1 : 0;
            queues += assertSameAsReference(url) ? 1 : 0;
        }
        // the inputs reach both parsers and both outcomes often, or the comparison would prove little
        assertThat(decidedInOnePass).isBetween(3_000, 17_000);
        assertThat(queues).isBetween(3_000, 17_000);
    }

    /** Mostly URL-like text: plausible schemes, hosts and segments, with odd characters mixed in at every place. */
    private static String generatedUrl(Random random) {
        String[] schemes = {"http", "https", "HTTP", "hTtPs", "ftp", "http\u017f", "htt", ""};
        String[] separators = {"://", ":/", ":///", "//", ":"};
        String odd = "%2F%zz%%_~:;@&=+$,[]!'()* \u00e9\"{}|^`\\<>#?";
        StringBuilder url = new StringBuilder();
        url.append(schemes[random.nextInt(10) < 7 ? random.nextInt(4) : random.nextInt(schemes.length)]);
        url.append(random.nextInt(10) < 9 ? "://" : separators[random.nextInt(separators.length)]);
        url.append(mixed(random, "abz09.-:", odd, random.nextInt(10)));
        for (int segments = random.nextInt(5); segments > 0; segments--) {
            url.append('/').append(mixed(random, "aZ09.-_~", odd, random.nextInt(7)));
        }
        if (random.nextInt(10) < 3) {
            url.append('?').append(mixed(random, "a=1&b/?:@", odd, random.nextInt(8)));
        }
        if (random.nextInt(10) < 2) {
            url.append('#').append(mixed(random, "a=1&b/?:@", odd, random.nextInt(4)));
        }
        return url.toString();
    }

    private static String mixed(Random random, String usual, String odd, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            String from = random.nextInt(12) == 0 ? odd : usual;
            text.append(from.charAt(random.nextInt(from.length())));
        }
        return text.toString();
    }

    @Test
    void pathsNameTheirLastTwoNonEmptySegments() {
        assertThat(QueueUrls.fromPath("a/b")).contains(new QueueId("a", "b"));
        assertThat(QueueUrls.fromPath("//x/a//b///")).contains(new QueueId("a", "b"));
        assertThat(QueueUrls.fromPath("/a%2Fb/c")).contains(new QueueId("a/b", "c"));
        assertThat(QueueUrls.fromPath("")).isEmpty();
        assertThat(QueueUrls.fromPath("///a///")).isEmpty();
        Random random = new Random(99);
        for (int i = 0; i < 20_000; i++) {
            String path = pick(random, "//ab%2B+", random.nextInt(12));
            assertThat(QueueUrls.fromPath(path)).as(path).isEqualTo(referenceFromPath(path));
        }
    }

    private static void assertParsed(String url, String account, String name) {
        assertThat(QueueUrls.parse(url)).as(url).isEqualTo(new QueueId(account, name));
        assertThat(reference(url)).as(url).contains(new QueueId(account, name));
    }

    /** True when the URL names a queue. */
    private static boolean assertSameAsReference(String url) {
        Optional<QueueId> expected = reference(url);
        if (expected.isPresent()) {
            assertThat(QueueUrls.parse(url)).as(url).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> QueueUrls.parse(url))
                    .as(url)
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ADDRESS))
                    .hasMessage("The address " + url + " is not valid for this endpoint.");
        }
        return expected.isPresent();
    }

    private static String pick(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** How queue URLs were parsed before the one-pass parser: java.net.URI, then the path split at slashes. */
    private static Optional<QueueId> reference(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getRawAuthority() != null) {
                return referenceFromPath(uri.getRawPath() == null ? "" : uri.getRawPath());
            }
        } catch (URISyntaxException e) {
            // not a URL
        }
        return Optional.empty();
    }

    private static Optional<QueueId> referenceFromPath(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new QueueId(
                referenceDecode(segments.get(segments.size() - 2)),
                referenceDecode(segments.get(segments.size() - 1))));
    }

    private static String referenceDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
