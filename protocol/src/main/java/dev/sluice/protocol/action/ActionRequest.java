package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.QueueEngine;
import dev.sluice.protocol.Caller;
import dev.sluice.protocol.QueueUrls;
import dev.sluice.store.QueueId;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an action may use for one request: the decoded input tree, the engine, the caller, the URL base for
 * queue URLs it hands out, and the request's X-Ray trace header.
 */
public final class ActionRequest {
    private final ObjectNode input;
    private final QueueEngine engine;
    private final Caller caller;
    private final QueueUrls urls;
    private final Optional<String> traceHeader;

    public ActionRequest(
            ObjectNode input, QueueEngine engine, Caller caller, QueueUrls urls, Optional<String> traceHeader) {
        this.input = Objects.requireNonNull(input, "input");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.traceHeader = Objects.requireNonNull(traceHeader, "traceHeader");
    }

    public ObjectNode input() {
        return input;
    }

    public QueueEngine engine() {
        return engine;
    }

    public Caller caller() {
        return caller;
    }

    /** The value of the request's {@code X-Amzn-Trace-Id} header, if it had one. */
    public Optional<String> traceHeader() {
        return traceHeader;
    }

    /**
     * The queue the request addresses: its {@code QueueUrl} member, which the endpoint fills from the request path
     * when the request did not send one.
     *
     * @throws dev.sluice.engine.SqsException InvalidAddress when the URL is not a queue URL
     */
    public QueueId queue() {
        return QueueUrls.parse(Members.string(input, "QueueUrl"));
    }

    /** The URL of a queue as this request's client should see it. */
    public String queueUrl(QueueId queue) {
        return urls.of(queue);
    }

    /** A new empty output tree. */
    public static ObjectNode output() {
        return JsonNodeFactory.instance.objectNode();
    }
}
