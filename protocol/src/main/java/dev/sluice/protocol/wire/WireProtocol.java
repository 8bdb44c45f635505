package dev.sluice.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import dev.sluice.protocol.model.Operation;
import java.util.Map;

/**
 * One of the two SQS wire protocols: it reads requests and writes answers and errors. Each implementation is the one
 * place where its protocol's error format is written.
 */
public sealed interface WireProtocol permits JsonProtocol, QueryProtocol {
    String JSON_CONTENT_TYPE = "application/x-amz-json-1.0";

    /**
     * The protocol of a request (REFERENCE §1.1): JSON 1.0 when the Content-Type is {@code application/x-amz-json-1.0}
     * and an {@code X-Amz-Target} header is present, Query otherwise.
     */
    static WireProtocol of(HttpRequestView request) {
        String contentType = request.header("Content-Type");
        if (contentType != null
                && MediaTypes.startsWith(contentType, JSON_CONTENT_TYPE)
                && request.header("X-Amz-Target") != null) {
            return JsonProtocol.INSTANCE;
        }
        return QueryProtocol.INSTANCE;
    }

    /** Reads the envelope of a request; Query parameters are parsed here, JSON bodies when the input is read. */
    WireRequest parse(HttpRequestView request);

    /** The answer to a successful action; {@code output} is ignored for actions without output. */
    HttpResponse success(Operation operation, JsonNode output, String requestId, Map<String, String> headers);

    /** The answer for an error, with the status, code and fault of its {@link dev.sluice.engine.ErrorCode}. */
    HttpResponse error(SqsException error, String requestId, Map<String, String> headers);
}
