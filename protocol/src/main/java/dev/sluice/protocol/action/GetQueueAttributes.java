package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** GetQueueAttributes (REFERENCE §2.5): the named attributes that have a value; none named, none returned. */
public final class GetQueueAttributes implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        Map<String, String> attributes = request.engine()
                .getQueueAttributes(request.queue(), Members.strings(request.input(), "AttributeNames"));
        ObjectNode output = ActionRequest.output();
        ObjectNode map = output.putObject("Attributes");
        attributes.forEach(map::put);
        return output;
    }
}
