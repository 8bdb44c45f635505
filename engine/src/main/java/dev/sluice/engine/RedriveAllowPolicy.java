package dev.sluice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A dead-letter queue's parsed {@code RedriveAllowPolicy} (REFERENCE §3): which source queues may name it in their
 * RedrivePolicy.
 */
public record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {
    public static final RedriveAllowPolicy ALLOW_ALL = new RedriveAllowPolicy("allowAll", List.of());
    private static final int MAX_SOURCES = 10;

    public RedriveAllowPolicy {
        sourceQueueArns = List.copyOf(sourceQueueArns);
    }

    /** Parses and validates the attribute value; InvalidAttributeValue when malformed. */
    public static RedriveAllowPolicy parse(String value) {
        JsonNode root;
        try {
            root = RedrivePolicy.JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw invalid("Redrive allow policy is not a valid JSON map.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("Redrive allow policy is not a valid JSON map.");
        }
        JsonNode permission = root.get("redrivePermission");
        if (permission == null || !permission.isTextual()) {
            throw invalid("Redrive allow policy does not contain mandatory attribute: redrivePermission.");
        }
        String p = permission.asText();
        if (!p.equals("allowAll") && !p.equals("denyAll") && !p.equals("byQueue")) {
            throw invalid(
                    "Invalid value for redrivePermission: " + p + ", valid values are allowAll, denyAll and byQueue.");
        }
        JsonNode sources = root.get("sourceQueueArns");
        List<String> arns = new ArrayList<>();
        if (p.equals("byQueue")) {
            if (sources == null || !sources.isArray() || sources.isEmpty()) {
                throw invalid("Redrive allow policy must contain sourceQueueArns when redrivePermission is byQueue.");
            }
            if (sources.size() > MAX_SOURCES) {
                throw invalid("Redrive allow policy can contain at most " + MAX_SOURCES + " sourceQueueArns.");
            }
            for (JsonNode arn : sources) {
                if (!arn.isTextual()) {
                    throw invalid("Redrive allow policy sourceQueueArns must be queue ARNs.");
                }
                arns.add(arn.asText());
            }
        } else if (sources != null) {
            throw invalid("Redrive allow policy can contain sourceQueueArns only when redrivePermission is byQueue.");
        }
        return new RedriveAllowPolicy(p, arns);
    }

    /** True when a queue with ARN {@code sourceArn} may use this queue as its dead-letter queue. */
    public boolean allows(String sourceArn) {
        return switch (redrivePermission) {
            case "allowAll" -> true;
            case "denyAll" -> false;
            default -> sourceQueueArns.contains(sourceArn);
        };
    }

    /** Compact JSON as stored and returned. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"redrivePermission\":\"")
                .append(redrivePermission)
                .append('"');
        if (redrivePermission.equals("byQueue")) {
            sb.append(",\"sourceQueueArns\":[");
            for (int i = 0; i < sourceQueueArns.size(); i++) {
                sb.append(i == 0 ? "" : ",")
                        .append(RedrivePolicy.JSON.getNodeFactory().textNode(sourceQueueArns.get(i)));
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    private static SqsException invalid(String reason) {
        return new SqsException(
                ErrorCode.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter RedriveAllowPolicy. Reason: " + reason);
    }
}
