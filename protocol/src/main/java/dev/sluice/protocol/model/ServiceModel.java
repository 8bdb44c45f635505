package dev.sluice.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQS API model both codecs are driven by, loaded once from the two botocore model files shipped as resources.
 *
 * <p>Merge rule: structure, member names and types come from {@code service-2.json} (the current JSON model, which
 * has the newer members such as {@code MessageSystemAttributeNames} and the move-task shapes); Query/XML names
 * ({@code locationName}), flattening and result wrappers come from {@code service-2.query.json} (the last Query
 * model), matched by shape and member name, with the JSON model's own metadata as the fallback. Shapes only the JSON
 * model knows get no Query names, and the codecs fall back to member names.
 */
public final class ServiceModel {
    private static final String RESOURCE_DIR = "/dev/sluice/protocol/model/";
    private static final Holder HOLDER = new Holder();

    private final Map<String, Operation> operations;

    private ServiceModel(Map<String, Operation> operations) {
        this.operations = Map.copyOf(operations);
    }

    /** The model shipped with Sluice, loaded on first use. */
    public static ServiceModel sqs() {
        return HOLDER.model;
    }

    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Set<String> operationNames() {
        return operations.keySet();
    }

    private static final class Holder {
        final ServiceModel model = load();
    }

    private static ServiceModel load() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = read(mapper, "service-2.json");
        JsonNode query = read(mapper, "service-2.query.json");
        Builder builder = new Builder(json.path("shapes"), query.path("shapes"));
        Map<String, Operation> operations = new HashMap<>();
        json.path("operations").properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode op = entry.getValue();
            JsonNode queryOp = query.path("operations").path(name);
            Shape input = op.has("input")
                    ? builder.shape(op.path("input").path("shape").asText())
                    : new Shape(
                            name + "Request", ShapeType.STRUCTURE, Map.of(), Set.of(), null, null, null, false, null);
            Optional<Shape> output = op.has("output")
                    ? Optional.of(builder.shape(op.path("output").path("shape").asText()))
                    : Optional.empty();
            String wrapper = queryOp.path("output").path("resultWrapper").asText(name + "Result");
            operations.put(name, new Operation(name, input, output, wrapper));
        });
        return new ServiceModel(operations);
    }

    private static JsonNode read(ObjectMapper mapper, String file) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE_DIR + file);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Builds merged shapes on demand, memoised by name (the SQS model has no recursive shapes). */
    private static final class Builder {
        private final JsonNode jsonShapes;
        private final JsonNode queryShapes;
        private final Map<String, Shape> built = new HashMap<>();

        Builder(JsonNode jsonShapes, JsonNode queryShapes) {
            this.jsonShapes = jsonShapes;
            this.queryShapes = queryShapes;
        }

        Shape shape(String name) {
            Shape done = built.get(name);
            if (done != null) {
                return done;
            }
            JsonNode def = jsonShapes.path(name);
            if (def.isMissingNode()) {
                throw new IllegalStateException("shape " + name + " is not in the model");
            }
            JsonNode queryDef = queryShapes.path(name);
            ShapeType type = ShapeType.of(def.path("type").asText());
            boolean flattened = def.path("flattened").asBoolean(false)
                    || queryDef.path("flattened").asBoolean(false);
            String location = text(queryDef.path("locationName"), def.path("locationName"));
            Map<String, Member> members = new LinkedHashMap<>();
            Set<String> required = new HashSet<>();
            Member element = null;
            Member key = null;
            Member value = null;
            switch (type) {
                case STRUCTURE -> {
                    def.path("members")
                            .properties()
                            .forEach(m -> members.put(
                                    m.getKey(),
                                    member(
                                            m.getKey(),
                                            m.getValue(),
                                            queryDef.path("members").path(m.getKey()))));
                    def.path("required").forEach(r -> required.add(r.asText()));
                }
                case LIST -> element = member("member", def.path("member"), queryDef.path("member"));
                case MAP -> {
                    key = member("key", def.path("key"), queryDef.path("key"));
                    value = member("value", def.path("value"), queryDef.path("value"));
                }
                default -> {}
            }
            Shape shape = new Shape(name, type, members, required, element, key, value, flattened, location);
            built.put(name, shape);
            return shape;
        }

        private Member member(String name, JsonNode ref, JsonNode queryRef) {
            Shape target = shape(ref.path("shape").asText());
            String location = text(queryRef.path("locationName"), ref.path("locationName"));
            boolean flattened = ref.path("flattened").asBoolean(false)
                    || queryRef.path("flattened").asBoolean(false);
            return new Member(name, target, location, flattened);
        }

        private static String text(JsonNode preferred, JsonNode fallback) {
            if (preferred.isTextual()) {
                return preferred.asText();
            }
            return fallback.isTextual() ? fallback.asText() : null;
        }
    }
}
