package dev.sluice.protocol;

import dev.sluice.engine.QueueEngine;

/**
 * The SQS API over HTTP: detects the wire protocol of a request, decodes it, dispatches it to its action, and encodes
 * the answer or the error. Called on a virtual thread per request; may block (long polls).
 */
public final class SqsEndpoint {
    private final QueueEngine engine;
    private final ProtocolConfig config;

    public SqsEndpoint(QueueEngine engine, ProtocolConfig config) {
        this.engine = engine;
        this.config = config;
    }

    /**
     * Encodes {@code error} in the wire protocol of {@code request} (whose body may be empty), for failures the HTTP
     * layer detects before the request reaches {@link #handle}, such as an oversized body.
     */
    public HttpResponse reject(HttpRequestView request, dev.sluice.engine.SqsException error) {
        throw new UnsupportedOperationException("TODO " + request + error);
    }

    /** Never throws: every failure becomes an SQS error response. */
    public HttpResponse handle(HttpRequestView request) {
        throw new UnsupportedOperationException("TODO " + engine + config + request);
    }
}
