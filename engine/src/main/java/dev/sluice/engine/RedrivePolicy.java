package dev.sluice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A queue's parsed {@code RedrivePolicy} attribute (REFERENCE §3, §8.1): the dead-letter queue's ARN and the receive
 * count after which messages move there.
 */
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final int MAX_RECEIVE_COUNT = 1000;

    /**
     * Parses and validates the attribute value; {@code maxReceiveCount} may be a number or a numeric string.
     *
     * @throws SqsException InvalidParameterValue with AWS's wording when malformed
     */
    public static RedrivePolicy parse(String value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw invalid(value, "Redrive policy is not a valid JSON map.");
        }
        if (root == null || !root.isObject()) {
            throw invalid(value, "Redrive policy is not a valid JSON map.");
        }
        JsonNode arn = root.get("deadLetterTargetArn");
        if (arn == null || !arn.isTextual() || arn.asText().isEmpty()) {
            throw invalid(value, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }
        JsonNode count = root.get("maxReceiveCount");
        if (count == null || count.isNull()) {
            throw invalid(value, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        int n;
        if (count.isIntegralNumber() && count.canConvertToInt()) {
            n = count.intValue();
        } else if (count.isTextual()) {
            try {
                n = Integer.parseInt(count.asText().trim());
            } catch (NumberFormatException e) {
                throw invalidCount(value, count.asText());
            }
        } else {
            throw invalidCount(value, count.toString());
        }
        if (n < 1 || n > MAX_RECEIVE_COUNT) {
            throw invalidCount(value, Integer.toString(n));
        }
        return new RedrivePolicy(arn.asText(), n);
    }

    /** The normalised form AWS returns: {@code {"deadLetterTargetArn":"…","maxReceiveCount":7}}. */
    public String toJson() {
        return "{\"deadLetterTargetArn\":" + JSON.getNodeFactory().textNode(deadLetterTargetArn)
                + ",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }

    static SqsException invalid(String value, String reason) {
        return SqsException.invalidParameterValue(value, "RedrivePolicy", reason);
    }

    private static SqsException invalidCount(String value, String count) {
        return invalid(
                value,
                "Invalid value for maxReceiveCount: " + count + ", valid values are from 1 to " + MAX_RECEIVE_COUNT
                        + " both inclusive.");
    }
}
