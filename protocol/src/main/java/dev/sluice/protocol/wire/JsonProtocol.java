package dev.sluice.protocol.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import dev.sluice.protocol.model.Operation;
import dev.sluice.protocol.model.Shape;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AWS JSON 1.0 with the awsQueryCompatible error format (REFERENCE §1.2): the action comes from {@code X-Amz-Target},
 * the input is a JSON object; errors are {@code {"__type":"com.amazonaws.sqs#<name>","message":…}} plus the
 * {@code x-amzn-query-error: <query code>;Sender|Receiver} header.
 *
 * <p>Malformed bodies (not JSON, trailing garbage, invalid UTF-8, duplicate keys, nesting deeper than
 * {@value #MAX_DEPTH}, a top level that is not an object) are SerializationException (400).
 */
public final class JsonProtocol implements WireProtocol {
    static final JsonProtocol INSTANCE = new JsonProtocol();
    static final int MAX_DEPTH = 32;
    private static final String TARGET_PREFIX = "AmazonSQS.";
    private static final String NAMESPACE = "com.amazonaws.sqs#";

    private final ObjectMapper mapper;

    private JsonProtocol() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Jackson's default buffer pool is per thread; every request runs on a new virtual thread, so that
                // pool would allocate fresh buffers for each request. A shared pool reuses them.
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build();
        mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public WireRequest parse(HttpRequestView request) {
        String target = request.header("X-Amz-Target").trim();
        String action = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        return new JsonRequest(action, request.body());
    }

    @Override
    public HttpResponse success(Operation operation, JsonNode output, String requestId, Map<String, String> headers) {
        byte[] body = operation.output().isPresent()
                ? JsonOutputWriter.write(mapper.getFactory(), operation.output().get(), output)
                : new byte[] {'{', '}'};
        return response(200, headers, body);
    }

    @Override
    public HttpResponse error(SqsException error, String requestId, Map<String, String> headers) {
        ErrorCode code = error.code();
        String message =
                code == ErrorCode.QUEUE_DOES_NOT_EXIST ? "The specified queue does not exist." : error.getMessage();
        ObjectNode body = mapper.createObjectNode();
        body.put("__type", NAMESPACE + code.jsonType());
        if (message != null) {
            body.put("message", message);
        }
        Map<String, String> all = new HashMap<>(headers);
        all.put("x-amzn-query-error", code.queryCode() + ";" + (code.senderFault() ? "Sender" : "Receiver"));
        try {
            return response(code.httpStatus(), all, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    private static HttpResponse response(int status, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", JSON_CONTENT_TYPE);
        return new HttpResponse(status, all, body);
    }

    private final class JsonRequest implements WireRequest {
        private final String action;
        private final byte[] body;

        JsonRequest(String action, byte[] body) {
            this.action = action;
            this.body = body;
        }

        @Override
        public Optional<String> action() {
            return Optional.of(action);
        }

        @Override
        public ObjectNode input(Shape shape, Map<String, String> defaults) {
            return JsonInputReader.read(parseBody(), shape, defaults);
        }

        private ObjectNode parseBody() {
            if (isBlank(body)) {
                return mapper.createObjectNode();
            }
            JsonNode root;
            try {
                root = mapper.readTree(body);
            } catch (JsonProcessingException e) {
                throw new SqsException(
                        ErrorCode.SERIALIZATION, "The request body is not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new SqsException(ErrorCode.SERIALIZATION, "The request body cannot be read.");
            }
            if (!(root instanceof ObjectNode object)) {
                throw new SqsException(ErrorCode.SERIALIZATION, "The request body must be a JSON object.");
            }
            return object;
        }

        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return false;
                }
            }
            return true;
        }
    }
}
