package dev.sluice.it;

import java.net.URI;

/** The two real clients every end-to-end test runs with, and the wire protocol each must speak. */
public enum Sdk {
    /** AWS SDK for Java v2: AWS JSON 1.0. */
    V2_JSON("application/x-amz-json-1.0") {
        @Override
        public SqsDriver open(URI endpoint) {
            return new SdkV2Driver(endpoint);
        }
    },
    /** AWS SDK for Java v1 1.12.583: AWS Query (form POST, XML answers). */
    V1_QUERY("application/x-www-form-urlencoded") {
        @Override
        public SqsDriver open(URI endpoint) {
            return new SdkV1Driver(endpoint);
        }
    };

    private final String contentType;

    Sdk(String contentType) {
        this.contentType = contentType;
    }

    /** The media type (without parameters) this client's requests must carry. */
    public String contentType() {
        return contentType;
    }

    public abstract SqsDriver open(URI endpoint);
}
