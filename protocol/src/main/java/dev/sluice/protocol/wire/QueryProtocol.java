package dev.sluice.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.HttpRequestView;
import dev.sluice.protocol.HttpResponse;
import dev.sluice.protocol.model.Operation;
import dev.sluice.protocol.model.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Query (REFERENCE §1.3): parameters from the URL query string merged with a form body (the query string's
 * occurrence of a name wins), the action from {@code Action}; answers are XML in the 2012-11-05 namespace and errors
 * are {@code <ErrorResponse>} documents.
 */
public final class QueryProtocol implements WireProtocol {
    static final QueryProtocol INSTANCE = new QueryProtocol();
    private static final String XML_CONTENT_TYPE = "text/xml";
    private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private QueryProtocol() {}

    @Override
    public WireRequest parse(HttpRequestView request) {
        QueryParameters parameters = new QueryParameters();
        if (!request.rawQuery().isEmpty()) {
            parameters.parse(bytes(request.rawQuery()));
        }
        if (request.body().length > 0 && isForm(request.header("Content-Type"))) {
            parameters.parse(request.body());
        }
        ParamNode root = parameters.root();
        ParamNode action = root.child("Action");
        return new QueryRequest(Optional.ofNullable(action == null ? null : action.value()), root);
    }

    /**
     * The bytes of the query string as sent. The HTTP layer hands the request line over as ISO-8859-1 text (one char
     * per byte), so unescaped UTF-8 bytes are recovered by reversing that; text with wider chars is encoded as UTF-8.
     */
    private static byte[] bytes(String rawQuery) {
        for (int i = 0; i < rawQuery.length(); i++) {
            if (rawQuery.charAt(i) > 0xFF) {
                return rawQuery.getBytes(StandardCharsets.UTF_8);
            }
        }
        return rawQuery.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isForm(String contentType) {
        return contentType == null || MediaTypes.startsWith(contentType, FORM_CONTENT_TYPE);
    }

    @Override
    public HttpResponse success(Operation operation, JsonNode output, String requestId, Map<String, String> headers) {
        return xml(200, headers, XmlOutputWriter.write(operation, output, requestId));
    }

    @Override
    public HttpResponse error(SqsException error, String requestId, Map<String, String> headers) {
        ErrorCode code = error.code();
        String message = code == ErrorCode.QUEUE_DOES_NOT_EXIST
                ? "The specified queue does not exist for this wsdl version."
                : error.getMessage();
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"")
                .append(XmlOutputWriter.NAMESPACE)
                .append("\"><Error><Type>")
                .append(code.senderFault() ? "Sender" : "Receiver")
                .append("</Type><Code>");
        XmlText.append(xml, code.queryCode());
        xml.append("</Code><Message>");
        XmlText.append(xml, message == null ? "" : message);
        xml.append("</Message><Detail/></Error><RequestId>");
        XmlText.append(xml, requestId);
        xml.append("</RequestId></ErrorResponse>");
        return xml(code.httpStatus(), headers, xml.toString());
    }

    /** The answer AWS gives to a GET of a queue URL without an action: 404 and a bare element. */
    public HttpResponse unknownOperation(Map<String, String> headers) {
        return xml(404, headers, "<UnknownOperationException/>");
    }

    private static HttpResponse xml(int status, Map<String, String> headers, String body) {
        return new HttpResponse(
                status,
                HeaderMaps.with(headers, "Content-Type", XML_CONTENT_TYPE),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private record QueryRequest(Optional<String> action, ParamNode root) implements WireRequest {
        @Override
        public ObjectNode input(Shape shape, Map<String, String> defaults) {
            return QueryInputReader.read(root, shape, defaults);
        }
    }
}
