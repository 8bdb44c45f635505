package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

/** The two SQS error formats of ERRORS.md, checked on raw answers. */
final class WireAssertions {
    private WireAssertions() {}

    /** JSON: status, __type (picks the SDK's exception class), x-amzn-query-error (the code users see), request id. */
    static void assertJsonError(RawResponse r, int status, String jsonType, String queryCode) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("%s", r).startsWith("application/x-amz-json-1.0");
        assertThat(r.jsonType()).as("__type of %s", r).isEqualTo(jsonType);
        assertThat(r.header("x-amzn-query-error"))
                .as("x-amzn-query-error of %s", r)
                .isEqualTo(queryCode + ";Sender");
        assertThat(r.header("x-amzn-RequestId")).as("%s", r).isNotBlank();
        assertThat(r.jsonMessage()).as("message of %s", r).isNotBlank();
        assertNoStackTrace(r);
    }

    /** Query: status, text/xml, ErrorResponse in the 2012-11-05 namespace with Type, Code, Message, RequestId. */
    static void assertXmlError(RawResponse r, int status, String code) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("%s", r).startsWith("text/xml");
        var root = r.xml().getDocumentElement();
        assertThat(root.getLocalName()).as("%s", r).isEqualTo("ErrorResponse");
        assertThat(root.getNamespaceURI()).isEqualTo("http://queue.amazonaws.com/doc/2012-11-05/");
        assertThat(r.xmlText("Type")).as("%s", r).isEqualTo("Sender");
        assertThat(r.xmlText("Code")).as("code of %s", r).isEqualTo(code);
        assertThat(r.xmlText("Message")).as("%s", r).isNotBlank();
        assertThat(r.xmlText("RequestId")).as("%s", r).isNotBlank();
        assertNoStackTrace(r);
    }

    static void assertNoStackTrace(RawResponse r) {
        assertThat(r.text()).as("%s", r).doesNotContain("\tat ", "Exception:", "java.", "io.netty", "com.fasterxml");
    }
}
