package dev.sluice.protocol.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import dev.sluice.protocol.model.Operation;
import dev.sluice.protocol.model.Shape;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * AWS JSON 1.0 with the awsQueryCompatible error format (REFERENCE §1.2): the action comes from {@code X-Amz-Target},
 * the input is a JSON object; errors are {@code {"__type":"com.amazonaws.sqs#<name>","message":…}} plus the
 * {@code x-amzn-query-error: <query code>;Sender|Receiver} header.
 *
 * <p>Malformed bodies (not JSON, trailing garbage, invalid UTF-8, duplicate keys, nesting deeper than
 * {@value StrictJson#MAX_DEPTH}, a top level that is not an object) are SerializationException (400).
 *
 * <p>A body is first read in one streaming pass straight into the request tree ({@link JsonBodyReader}); only a body
 * that pass gives up on is parsed as a whole document and then read against the shape ({@link JsonInputReader}),
 * which finds and reports what is wrong with it.
 */
public final class JsonProtocol implements WireProtocol {
    static final JsonProtocol INSTANCE = new JsonProtocol();
    private static final String TARGET_PREFIX = "AmazonSQS.";
    private static final String NAMESPACE = "com.amazonaws.sqs#";
    private static final String QUERY_ERROR_HEADER = "x-amzn-query-error";

    private JsonProtocol() {}

    @Override
    public WireRequest parse(HttpRequestView request) {
        return new JsonRequest(action(request), request.body());
    }

    /** The action a JSON request names in its {@code X-Amz-Target} (with or without the service prefix). */
    public static String action(HttpRequestView request) {
        String target = request.header("X-Amz-Target").trim();
        return target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
    }

    @Override
    public HttpResponse success(Operation operation, JsonNode output, String requestId, Map<String, String> headers) {
        byte[] body = operation.output().isPresent()
                ? JsonOutputWriter.write(StrictJson.FACTORY, operation.output().get(), output)
                : new byte[] {'{', '}'};
        return response(200, headers, body);
    }

    @Override
    public HttpResponse error(SqsException error, String requestId, Map<String, String> headers) {
        ErrorCode code = error.code();
        String message =
                code == ErrorCode.QUEUE_DOES_NOT_EXIST ? "The specified queue does not exist." : error.getMessage();
        byte[] body = JsonOutputWriter.writeError(StrictJson.FACTORY, NAMESPACE + code.jsonType(), message);
        Map<String, String> all = HeaderMaps.with(
                headers, QUERY_ERROR_HEADER, code.queryCode() + ";" + (code.senderFault() ? "Sender" : "Receiver"));
        return response(code.httpStatus(), all, body);
    }

    private static HttpResponse response(int status, Map<String, String> headers, byte[] body) {
        return new HttpResponse(status, HeaderMaps.with(headers, "Content-Type", JSON_CONTENT_TYPE), body);
    }

    private static final class JsonRequest implements WireRequest {
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
            ObjectNode members;
            if (isBlank(body)) {
                members = JsonNodeFactory.instance.objectNode();
            } else {
                Optional<ObjectNode> streamed = JsonBodyReader.read(StrictJson.FACTORY, body, shape);
                members = streamed.isPresent() ? streamed.get() : JsonInputReader.members(parseBody(), shape);
            }
            return JsonInputReader.complete(members, shape, defaults);
        }

        private ObjectNode parseBody() {
            JsonNode root;
            try {
                root = StrictJson.MAPPER.readTree(body);
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
