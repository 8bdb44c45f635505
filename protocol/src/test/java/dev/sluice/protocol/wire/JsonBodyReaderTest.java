package dev.sluice.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.model.Member;
import dev.sluice.protocol.model.Operation;
import dev.sluice.protocol.model.ServiceModel;
import dev.sluice.protocol.model.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass JSON reader builds exactly the tree the general path (parse the document, then read it against the
 * shape) builds, and gives up on every body the general path rejects, so that errors are still reported by the
 * general path alone (package-info's table; REFERENCE §1.2).
 */
class JsonBodyReaderTest {
    private static final ServiceModel MODEL = ServiceModel.sqs();

    private static Shape input(String action) {
        return MODEL.operation(action).orElseThrow().input();
    }

    private static Optional<ObjectNode> streamed(String action, String body) {
        return streamed(input(action), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<ObjectNode> streamed(Shape shape, byte[] body) {
        return JsonBodyReader.read(StrictJson.FACTORY, body, shape);
    }

    /** The general path's members, or empty when it rejects the body. */
    private static Optional<ObjectNode> general(Shape shape, byte[] body) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!(root instanceof ObjectNode object)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonInputReader.members(object, shape));
        } catch (SqsException e) {
            return Optional.empty();
        }
    }

    /** Same tree (node types included) and the same member order, or the one-pass reader gave up. */
    private static boolean assertAgrees(Shape shape, byte[] body) {
        Optional<ObjectNode> fast = streamed(shape, body);
        Optional<ObjectNode> general = general(shape, body);
        String text = new String(body, StandardCharsets.UTF_8);
        if (fast.isPresent()) {
            assertThat(general).as(text).isPresent();
            assertThat(fast.get()).as(text).isEqualTo(general.get());
            assertThat(fast.get().toString()).as(text).isEqualTo(general.get().toString());
        }
        return fast.isPresent();
    }

    @Test
    void bodiesAsSdksSendThemAreReadInOnePass() {
        List<String[]> bodies = List.of(
                new String[] {
                    "SendMessage",
                    "{\"QueueUrl\":\"http://127.0.0.1:34559/000000000000/demo\",\"MessageBody\":\"{\\\"order\\\":42}\","
                            + "\"DelaySeconds\":3,\"MessageAttributes\":{\"blob\":{\"BinaryValue\":\"AAEC/w==\","
                            + "\"DataType\":\"Binary\"},\"Priority\":{\"StringValue\":\"5\",\"DataType\":\"Number.int\"}},"
                            + "\"MessageSystemAttributes\":{\"AWSTraceHeader\":{\"StringValue\":\"Root=1;Sampled=1\","
                            + "\"DataType\":\"String\"}}}"
                },
                new String[] {
                    "SendMessageBatch",
                    "{\"QueueUrl\":\"u\",\"Entries\":[{\"Id\":\"a\",\"MessageBody\":\"x\",\"MessageGroupId\":\"g\"},"
                            + "{\"Id\":\"b\",\"MessageBody\":\"\\u00e9\\n\",\"DelaySeconds\":0}]}"
                },
                new String[] {
                    "ReceiveMessage",
                    "{\"QueueUrl\":\"u\",\"AttributeNames\":[\"All\"],\"MessageAttributeNames\":[\"All\"],"
                            + "\"MaxNumberOfMessages\":10,\"WaitTimeSeconds\":20,\"VisibilityTimeout\":-1}"
                },
                new String[] {"DeleteMessage", "{\"QueueUrl\":\"u\",\"ReceiptHandle\":\"r\"}"},
                new String[] {
                    "ChangeMessageVisibilityBatch",
                    "{\"QueueUrl\":\"u\",\"Entries\":[{\"Id\":\"1\",\"ReceiptHandle\":\"r\",\"VisibilityTimeout\":30}]}"
                },
                new String[] {
                    "CreateQueue",
                    "{\"QueueName\":\"q.fifo\",\"Attributes\":{\"FifoQueue\":\"true\"},\"tags\":{\"team\":\"core\"}}"
                },
                new String[] {"ListQueues", "{\"QueueNamePrefix\":null,\"MaxResults\":1000}"},
                new String[] {"ListQueues", " {} \r\n"});
        for (String[] body : bodies) {
            byte[] bytes = body[1].getBytes(StandardCharsets.UTF_8);
            assertThat(assertAgrees(input(body[0]), bytes)).as(body[1]).isTrue();
        }
    }

    @Test
    void membersComeOutInModelOrderWhateverTheOrderSent() {
        ObjectNode tree = streamed(
                        "SendMessage",
                        "{\"MessageAttributes\":{\"z\":{\"DataType\":\"String\",\"StringValue\":\"1\"}},"
                                + "\"MessageBody\":\"b\",\"QueueUrl\":\"u\"}")
                .orElseThrow();
        assertThat(tree.toString())
                .isEqualTo("{\"QueueUrl\":\"u\",\"MessageBody\":\"b\","
                        + "\"MessageAttributes\":{\"z\":{\"StringValue\":\"1\",\"DataType\":\"String\"}}}");
    }

    @Test
    void unknownMembersAreReadPastWhateverTheyHold() {
        ObjectNode tree = streamed(
                        "DeleteMessage",
                        "{\"Unknown\":{\"a\":[1,-2.5e3,12345678901234567890,true,null,\"s\\u00e9\",{\"b\":[]}]},"
                                + "\"QueueUrl\":\"u\",\"Other\":7,\"ReceiptHandle\":\"r\",\"Last\":[[]]}")
                .orElseThrow();
        assertThat(tree.toString()).isEqualTo("{\"QueueUrl\":\"u\",\"ReceiptHandle\":\"r\"}");
    }

    @Test
    void itGivesUpOnEveryKindOfBodyTheGeneralPathRejects() {
        List<String> rejected = List.of(
                "[1,2]",
                "\"text\"",
                "null",
                "{\"QueueUrl\":",
                "{} {}",
                "{}x",
                "{\"QueueUrl\":\"a\",\"QueueUrl\":\"b\"}",
                "{\"Unknown\":{\"a\":1,\"a\":2},\"QueueUrl\":\"u\"}",
                "{\"Unknown\":" + "[".repeat(40) + "]".repeat(40) + "}",
                "{\"MaxNumberOfMessages\":\"10\"}",
                "{\"MaxNumberOfMessages\":1.0}",
                "{\"MaxNumberOfMessages\":2147483648}",
                "{\"MaxNumberOfMessages\":true}",
                "{\"QueueUrl\":5}",
                "{\"AttributeNames\":\"All\"}",
                "{\"AttributeNames\":[null]}",
                "{\"AttributeNames\":[1]}",
                "{\"Unknown\":tru}",
                "{\"Unknown\":01}");
        for (String body : rejected) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(general(input("ReceiveMessage"), bytes)).as(body).isEmpty();
            assertThat(streamed(input("ReceiveMessage"), bytes)).as(body).isEmpty();
        }
        List<String> rejectedSends = List.of(
                "{\"MessageAttributes\":{\"a\":null}}",
                "{\"MessageAttributes\":{\"a\":{\"DataType\":\"Binary\",\"BinaryValue\":\"!!\"}}}",
                "{\"MessageAttributes\":{\"a\":{\"StringValue\":\"no DataType\"}}}",
                "{\"MessageAttributes\":[]}",
                "{\"DelaySeconds\":-2147483649}");
        for (String body : rejectedSends) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(general(input("SendMessage"), bytes)).as(body).isEmpty();
            assertThat(streamed(input("SendMessage"), bytes)).as(body).isEmpty();
        }
    }

    @Test
    void invalidUtf8InAStringItWouldSkipStillMakesItGiveUp() {
        byte[] prefix = "{\"QueueUrl\":\"u\",\"Unknown\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(prefix, prefix.length + 3);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = '"';
        body[prefix.length + 2] = '}';
        assertThat(general(input("PurgeQueue"), body)).isEmpty();
        assertThat(streamed(input("PurgeQueue"), body)).isEmpty();
    }

    @Test
    void generatedAndMutatedBodiesOfEveryActionGetTheGeneralPathsTree() {
        Random random = new Random(2024);
        int valid = 0;
        int readInOnePass = 0;
        int mutants = 0;
        int mutantsReadInOnePass = 0;
        List<String> actions = new ArrayList<>(MODEL.operationNames());
        Collections.sort(actions);
        for (String action : actions) {
            Shape shape = MODEL.operation(action).map(Operation::input).orElseThrow();
            for (int i = 0; i < 60; i++) {
                StringBuilder json = new StringBuilder();
                structure(json, shape, random, 0);
                String body = json.toString();
                valid++;
                readInOnePass += assertAgrees(shape, body.getBytes(StandardCharsets.UTF_8)) ? 1 : 0;
                for (int m = 0; m < 4; m++) {
                    mutants++;
                    mutantsReadInOnePass +=
                            assertAgrees(shape, mutate(random, body).getBytes(StandardCharsets.UTF_8)) ? 1 : 0;
                }
            }
        }
        // every well-formed, well-typed body with its nested required members takes the one pass; mutants go both ways
        assertThat(readInOnePass).isEqualTo(valid);
        assertThat(mutantsReadInOnePass).isBetween(mutants / 20, mutants - mutants / 20);
    }

    /** A well-formed body of the shape: random members, unknown members mixed in, any member order. */
    private static void structure(StringBuilder json, Shape shape, Random random, int depth) {
        List<Member> members = new ArrayList<>(shape.members().values());
        if (random.nextBoolean()) {
            Collections.shuffle(members, random);
        }
        json.append('{');
        boolean first = true;
        for (Member member : members) {
            boolean required = depth > 0 && shape.required().contains(member.name());
            if (!required && random.nextInt(3) == 0) {
                continue;
            }
            first = comma(json, first);
            json.append('"').append(member.name()).append("\":");
            if (!required && random.nextInt(8) == 0) {
                json.append("null");
            } else {
                value(json, member.shape(), random, depth + 1);
            }
        }
        if (random.nextInt(4) == 0) {
            comma(json, first);
            json.append("\"Unknown").append(random.nextInt(100)).append("\":{\"a\":[1,2.5,\"x\\\"\",false,null]}");
        }
        json.append('}');
    }

    private static void value(StringBuilder json, Shape shape, Random random, int depth) {
        switch (shape.type()) {
            case STRUCTURE -> structure(json, shape, random, depth);
            case LIST -> {
                json.append('[');
                boolean first = true;
                for (int i = random.nextInt(3); i > 0; i--) {
                    first = comma(json, first);
                    value(json, shape.element().shape(), random, depth);
                }
                json.append(']');
            }
            case MAP -> {
                json.append('{');
                boolean first = true;
                for (int i = random.nextInt(3); i > 0; i--) {
                    first = comma(json, first);
                    json.append("\"k").append(i).append("\":");
                    value(json, shape.value().shape(), random, depth);
                }
                json.append('}');
            }
            case STRING ->
                json.append(List.of("\"\"", "\"plain\"", "\"q\\\"uote\\\\\"", "\"\\u00e9\\n\\t\"", "\"\u00e9\u20ac\"")
                        .get(random.nextInt(5)));
            case INTEGER ->
                json.append(
                        List.of(0, -1, 7, Integer.MAX_VALUE, Integer.MIN_VALUE).get(random.nextInt(5)));
            case LONG ->
                json.append(List.of(0L, 1712345678901L, Long.MAX_VALUE, Long.MIN_VALUE, -5L)
                        .get(random.nextInt(5)));
            case BOOLEAN -> json.append(random.nextBoolean());
            case BLOB -> {
                byte[] bytes = new byte[random.nextInt(6)];
                random.nextBytes(bytes);
                json.append('"')
                        .append(Base64.getEncoder().encodeToString(bytes))
                        .append('"');
            }
        }
    }

    private static boolean comma(StringBuilder json, boolean first) {
        if (!first) {
            json.append(',');
        }
        return false;
    }

    private static String mutate(Random random, String seed) {
        String alphabet = "{}[]\":,\\ 0123456789.-eE+nulltruefalseAa\u00e9";
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !text.isEmpty(); e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString();
    }
}
