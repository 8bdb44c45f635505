package dev.sluice.protocol.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.model.Shape;
import java.util.Map;
import java.util.Optional;

/** One request as its wire protocol carried it, before it is read against its action's input shape. */
public interface WireRequest {
    /** The action the request names; empty when a Query request has no {@code Action} parameter. */
    Optional<String> action();

    /**
     * Reads the input into the canonical request tree: JSON member names, typed values, unknown members dropped.
     *
     * @param defaults top-level string members to assume when the request lacks them (the path's {@code QueueUrl})
     * @throws dev.sluice.engine.SqsException when the input is malformed or a required member is missing
     */
    ObjectNode input(Shape shape, Map<String, String> defaults);
}
