package dev.sluice.protocol.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One SQS action of the service model.
 *
 * @param name the action name ({@code SendMessage})
 * @param input the input structure
 * @param output the output structure, empty for actions without output
 * @param resultWrapper the XML element wrapping the output ({@code SendMessageResult})
 */
public record Operation(String name, Shape input, Optional<Shape> output, String resultWrapper) {
    public Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(resultWrapper, "resultWrapper");
    }
}
