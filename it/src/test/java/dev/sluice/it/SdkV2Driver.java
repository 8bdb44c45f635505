package dev.sluice.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** {@link SqsDriver} over the AWS SDK for Java v2, which speaks AWS JSON 1.0. */
final class SdkV2Driver implements SqsDriver {
    private final SqsClient client;
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    SdkV2Driver(URI endpoint) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                contentTypes.add(context.httpRequest()
                        .firstMatchingHeader("Content-Type")
                        .orElse(""));
            }
        };
        client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSLUICE", "secret")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(40))
                        .build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)
                        // a test sees the server's first answer; no silent retries hide a 5xx
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public Sdk sdk() {
        return Sdk.V2_JSON;
    }

    @Override
    public List<String> sentContentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public String createQueue(String name, Map<String, String> attributes, Map<String, String> tags) {
        return call(() -> client.createQueue(b -> {
                    b.queueName(name);
                    if (!attributes.isEmpty()) {
                        b.attributesWithStrings(attributes);
                    }
                    if (!tags.isEmpty()) {
                        b.tags(tags);
                    }
                })
                .queueUrl());
    }

    @Override
    public String getQueueUrl(String name) {
        return call(() -> client.getQueueUrl(b -> b.queueName(name)).queueUrl());
    }

    @Override
    public QueuePage listQueues(String prefix, Integer maxResults, String nextToken) {
        var response = call(() -> client.listQueues(
                b -> b.queueNamePrefix(prefix).maxResults(maxResults).nextToken(nextToken)));
        return new QueuePage(List.copyOf(response.queueUrls()), Optional.ofNullable(response.nextToken()));
    }

    @Override
    public void deleteQueue(String queueUrl) {
        call(() -> client.deleteQueue(b -> b.queueUrl(queueUrl)));
    }

    @Override
    public Map<String, String> getQueueAttributes(String queueUrl, List<String> names) {
        return call(() -> client.getQueueAttributes(b -> {
                    b.queueUrl(queueUrl);
                    if (!names.isEmpty()) {
                        b.attributeNamesWithStrings(names);
                    }
                })
                .attributesAsStrings());
    }

    @Override
    public void setQueueAttributes(String queueUrl, Map<String, String> attributes) {
        call(() -> client.setQueueAttributes(b -> b.queueUrl(queueUrl).attributesWithStrings(attributes)));
    }

    @Override
    public SendResult send(String queueUrl, OutgoingMessage message) {
        var r = call(() -> client.sendMessage(b -> {
            b.queueUrl(queueUrl)
                    .messageBody(message.body())
                    .delaySeconds(message.delaySeconds())
                    .messageGroupId(message.messageGroupId())
                    .messageDeduplicationId(message.messageDeduplicationId());
            if (!message.attributes().isEmpty()) {
                b.messageAttributes(toSdk(message.attributes()));
            }
            if (message.awsTraceHeader() != null) {
                b.messageSystemAttributesWithStrings(traceHeader(message.awsTraceHeader()));
            }
        }));
        return new SendResult(
                r.messageId(),
                r.md5OfMessageBody(),
                Optional.ofNullable(r.md5OfMessageAttributes()),
                Optional.ofNullable(r.md5OfMessageSystemAttributes()),
                Optional.ofNullable(r.sequenceNumber()));
    }

    @Override
    public SendBatchOutcome sendBatch(String queueUrl, List<SendEntry> entries) {
        var sdkEntries = entries.stream()
                .map(e -> {
                    var b = SendMessageBatchRequestEntry.builder()
                            .id(e.id())
                            .messageBody(e.message().body())
                            .delaySeconds(e.message().delaySeconds())
                            .messageGroupId(e.message().messageGroupId())
                            .messageDeduplicationId(e.message().messageDeduplicationId());
                    if (!e.message().attributes().isEmpty()) {
                        b.messageAttributes(toSdk(e.message().attributes()));
                    }
                    if (e.message().awsTraceHeader() != null) {
                        b.messageSystemAttributesWithStrings(
                                traceHeader(e.message().awsTraceHeader()));
                    }
                    return b.build();
                })
                .toList();
        var r = call(() -> client.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(sdkEntries)));
        var ok = new LinkedHashMap<String, SendResult>();
        r.successful()
                .forEach(s -> ok.put(
                        s.id(),
                        new SendResult(
                                s.messageId(),
                                s.md5OfMessageBody(),
                                Optional.ofNullable(s.md5OfMessageAttributes()),
                                Optional.ofNullable(s.md5OfMessageSystemAttributes()),
                                Optional.ofNullable(s.sequenceNumber()))));
        return new SendBatchOutcome(ok, failures(r.failed()));
    }

    @Override
    public List<ReceivedMessage> receive(String queueUrl, ReceiveOptions o) {
        var r = call(() -> client.receiveMessage(b -> {
            b.queueUrl(queueUrl)
                    .maxNumberOfMessages(o.maxNumberOfMessages())
                    .waitTimeSeconds(o.waitTimeSeconds())
                    .visibilityTimeout(o.visibilityTimeout())
                    .receiveRequestAttemptId(o.receiveRequestAttemptId());
            if (!o.systemAttributeNames().isEmpty()) {
                b.messageSystemAttributeNamesWithStrings(o.systemAttributeNames());
            }
            if (!o.messageAttributeNames().isEmpty()) {
                b.messageAttributeNames(o.messageAttributeNames());
            }
        }));
        return r.messages().stream().map(SdkV2Driver::fromSdk).toList();
    }

    @Override
    public void delete(String queueUrl, String receiptHandle) {
        call(() -> client.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)));
    }

    @Override
    public BatchOutcome deleteBatch(String queueUrl, List<HandleEntry> entries) {
        var sdkEntries = entries.stream()
                .map(e -> DeleteMessageBatchRequestEntry.builder()
                        .id(e.id())
                        .receiptHandle(e.receiptHandle())
                        .build())
                .toList();
        var r = call(() -> client.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(sdkEntries)));
        return new BatchOutcome(r.successful().stream().map(s -> s.id()).toList(), failures(r.failed()));
    }

    @Override
    public void changeVisibility(String queueUrl, String receiptHandle, int visibilityTimeout) {
        call(() -> client.changeMessageVisibility(
                b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(visibilityTimeout)));
    }

    @Override
    public BatchOutcome changeVisibilityBatch(String queueUrl, List<HandleEntry> entries) {
        var sdkEntries = entries.stream()
                .map(e -> ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(e.id())
                        .receiptHandle(e.receiptHandle())
                        .visibilityTimeout(e.visibilityTimeout())
                        .build())
                .toList();
        var r = call(() ->
                client.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(sdkEntries)));
        return new BatchOutcome(r.successful().stream().map(s -> s.id()).toList(), failures(r.failed()));
    }

    @Override
    public void purge(String queueUrl) {
        call(() -> client.purgeQueue(b -> b.queueUrl(queueUrl)));
    }

    @Override
    public void tag(String queueUrl, Map<String, String> tags) {
        call(() -> client.tagQueue(b -> b.queueUrl(queueUrl).tags(tags)));
    }

    @Override
    public void untag(String queueUrl, List<String> keys) {
        call(() -> client.untagQueue(b -> b.queueUrl(queueUrl).tagKeys(keys)));
    }

    @Override
    public Map<String, String> listTags(String queueUrl) {
        return call(() -> client.listQueueTags(b -> b.queueUrl(queueUrl)).tags());
    }

    @Override
    public void close() {
        client.close();
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (SqsException e) {
            var details = e.awsErrorDetails();
            throw new SqsError(details.errorCode(), e.statusCode(), details.errorMessage(), e);
        }
    }

    private static Map<String, MessageAttributeValue> toSdk(Map<String, MessageAttribute> attributes) {
        var out = new LinkedHashMap<String, MessageAttributeValue>();
        attributes.forEach((name, a) -> out.put(
                name,
                MessageAttributeValue.builder()
                        .dataType(a.dataType())
                        .stringValue(a.stringValue())
                        .binaryValue(a.isBinary() ? SdkBytes.fromByteArray(a.binaryValue()) : null)
                        .build()));
        return out;
    }

    private static Map<String, MessageSystemAttributeValue> traceHeader(String header) {
        return Map.of(
                "AWSTraceHeader",
                MessageSystemAttributeValue.builder()
                        .dataType("String")
                        .stringValue(header)
                        .build());
    }

    private static ReceivedMessage fromSdk(Message m) {
        var attributes = new LinkedHashMap<String, MessageAttribute>();
        m.messageAttributes()
                .forEach((name, v) -> attributes.put(
                        name,
                        new MessageAttribute(
                                v.dataType(),
                                v.stringValue(),
                                v.binaryValue() == null ? null : v.binaryValue().asByteArray())));
        return new ReceivedMessage(
                m.messageId(),
                m.receiptHandle(),
                m.body(),
                m.md5OfBody(),
                Optional.ofNullable(m.md5OfMessageAttributes()),
                Map.copyOf(m.attributesAsStrings()),
                attributes);
    }

    private static List<BatchFailure> failures(List<BatchResultErrorEntry> failed) {
        var out = new ArrayList<BatchFailure>();
        for (var f : failed) {
            out.add(new BatchFailure(f.id(), Boolean.TRUE.equals(f.senderFault()), f.code(), f.message()));
        }
        return out;
    }
}
