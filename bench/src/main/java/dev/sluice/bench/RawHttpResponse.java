package dev.sluice.bench;

import java.nio.charset.StandardCharsets;

/** One HTTP response as the raw client read it: the status code and the whole body. */
record RawHttpResponse(int status, byte[] body) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean ok() {
        return status == 200;
    }
}
