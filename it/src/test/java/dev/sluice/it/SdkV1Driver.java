package dev.sluice.it;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.ClientConfiguration;
import com.amazonaws.Request;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.handlers.RequestHandler2;
import com.amazonaws.http.HttpResponse;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import com.amazonaws.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import com.amazonaws.services.sqs.model.CreateQueueRequest;
import com.amazonaws.services.sqs.model.DeleteMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.DeleteMessageBatchResultEntry;
import com.amazonaws.services.sqs.model.GetQueueAttributesRequest;
import com.amazonaws.services.sqs.model.ListQueueTagsRequest;
import com.amazonaws.services.sqs.model.ListQueuesRequest;
import com.amazonaws.services.sqs.model.Message;
import com.amazonaws.services.sqs.model.MessageAttributeValue;
import com.amazonaws.services.sqs.model.MessageSystemAttributeValue;
import com.amazonaws.services.sqs.model.ReceiveMessageRequest;
import com.amazonaws.services.sqs.model.SendMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.SendMessageRequest;
import com.amazonaws.services.sqs.model.TagQueueRequest;
import com.amazonaws.services.sqs.model.UntagQueueRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * {@link SqsDriver} over the AWS SDK for Java v1 pinned at 1.12.583, the last v1 whose SQS client speaks AWS Query
 * (form-encoded requests, XML answers). Like every v1 client it moves {@code QueueUrl} into the request path.
 */
final class SdkV1Driver implements SqsDriver {
    private final AmazonSQS client;
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    SdkV1Driver(URI endpoint) {
        // The Content-Type is only set when the Apache request is built, so read it off the request that went out.
        RequestHandler2 recorder = new RequestHandler2() {
            @Override
            public HttpResponse beforeUnmarshalling(Request<?> request, HttpResponse response) {
                var header = response.getHttpRequest().getFirstHeader("Content-Type");
                contentTypes.add(header == null ? "" : header.getValue());
                return response;
            }
        };
        client = AmazonSQSClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint.toString(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("AKIDSLUICE", "secret")))
                .withClientConfiguration(
                        new ClientConfiguration().withMaxErrorRetry(0).withSocketTimeout(40_000))
                .withRequestHandlers(recorder)
                .build();
    }

    @Override
    public Sdk sdk() {
        return Sdk.V1_QUERY;
    }

    @Override
    public List<String> sentContentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public String createQueue(String name, Map<String, String> attributes, Map<String, String> tags) {
        var request = new CreateQueueRequest(name);
        if (!attributes.isEmpty()) {
            request.setAttributes(attributes);
        }
        if (!tags.isEmpty()) {
            request.setTags(tags);
        }
        return call(() -> client.createQueue(request).getQueueUrl());
    }

    @Override
    public String getQueueUrl(String name) {
        return call(() -> client.getQueueUrl(name).getQueueUrl());
    }

    @Override
    public QueuePage listQueues(String prefix, Integer maxResults, String nextToken) {
        var request = new ListQueuesRequest()
                .withQueueNamePrefix(prefix)
                .withMaxResults(maxResults)
                .withNextToken(nextToken);
        var result = call(() -> client.listQueues(request));
        return new QueuePage(List.copyOf(result.getQueueUrls()), Optional.ofNullable(result.getNextToken()));
    }

    @Override
    public void deleteQueue(String queueUrl) {
        call(() -> client.deleteQueue(queueUrl));
    }

    @Override
    public Map<String, String> getQueueAttributes(String queueUrl, List<String> names) {
        var request = new GetQueueAttributesRequest(queueUrl);
        if (!names.isEmpty()) {
            request.setAttributeNames(names);
        }
        return call(() -> Map.copyOf(client.getQueueAttributes(request).getAttributes()));
    }

    @Override
    public void setQueueAttributes(String queueUrl, Map<String, String> attributes) {
        call(() -> client.setQueueAttributes(queueUrl, attributes));
    }

    @Override
    public SendResult send(String queueUrl, OutgoingMessage message) {
        var request = new SendMessageRequest(queueUrl, message.body())
                .withDelaySeconds(message.delaySeconds())
                .withMessageGroupId(message.messageGroupId())
                .withMessageDeduplicationId(message.messageDeduplicationId());
        if (!message.attributes().isEmpty()) {
            request.setMessageAttributes(toSdk(message.attributes()));
        }
        if (message.awsTraceHeader() != null) {
            request.setMessageSystemAttributes(traceHeader(message.awsTraceHeader()));
        }
        var r = call(() -> client.sendMessage(request));
        return new SendResult(
                r.getMessageId(),
                r.getMD5OfMessageBody(),
                Optional.ofNullable(r.getMD5OfMessageAttributes()),
                Optional.ofNullable(r.getMD5OfMessageSystemAttributes()),
                Optional.ofNullable(r.getSequenceNumber()));
    }

    @Override
    public SendBatchOutcome sendBatch(String queueUrl, List<SendEntry> entries) {
        var sdkEntries = new ArrayList<SendMessageBatchRequestEntry>();
        for (var e : entries) {
            var entry = new SendMessageBatchRequestEntry(e.id(), e.message().body())
                    .withDelaySeconds(e.message().delaySeconds())
                    .withMessageGroupId(e.message().messageGroupId())
                    .withMessageDeduplicationId(e.message().messageDeduplicationId());
            if (!e.message().attributes().isEmpty()) {
                entry.setMessageAttributes(toSdk(e.message().attributes()));
            }
            if (e.message().awsTraceHeader() != null) {
                entry.setMessageSystemAttributes(traceHeader(e.message().awsTraceHeader()));
            }
            sdkEntries.add(entry);
        }
        var r = call(() -> client.sendMessageBatch(queueUrl, sdkEntries));
        var ok = new LinkedHashMap<String, SendResult>();
        r.getSuccessful()
                .forEach(s -> ok.put(
                        s.getId(),
                        new SendResult(
                                s.getMessageId(),
                                s.getMD5OfMessageBody(),
                                Optional.ofNullable(s.getMD5OfMessageAttributes()),
                                Optional.ofNullable(s.getMD5OfMessageSystemAttributes()),
                                Optional.ofNullable(s.getSequenceNumber()))));
        return new SendBatchOutcome(ok, failures(r.getFailed()));
    }

    @Override
    public List<ReceivedMessage> receive(String queueUrl, ReceiveOptions o) {
        var request = new ReceiveMessageRequest(queueUrl)
                .withMaxNumberOfMessages(o.maxNumberOfMessages())
                .withWaitTimeSeconds(o.waitTimeSeconds())
                .withVisibilityTimeout(o.visibilityTimeout())
                .withReceiveRequestAttemptId(o.receiveRequestAttemptId());
        if (!o.systemAttributeNames().isEmpty()) {
            request.setAttributeNames(o.systemAttributeNames());
        }
        if (!o.messageAttributeNames().isEmpty()) {
            request.setMessageAttributeNames(o.messageAttributeNames());
        }
        return call(() -> client.receiveMessage(request)).getMessages().stream()
                .map(SdkV1Driver::fromSdk)
                .toList();
    }

    @Override
    public void delete(String queueUrl, String receiptHandle) {
        call(() -> client.deleteMessage(queueUrl, receiptHandle));
    }

    @Override
    public BatchOutcome deleteBatch(String queueUrl, List<HandleEntry> entries) {
        var sdkEntries = entries.stream()
                .map(e -> new DeleteMessageBatchRequestEntry(e.id(), e.receiptHandle()))
                .toList();
        var r = call(() -> client.deleteMessageBatch(queueUrl, sdkEntries));
        return new BatchOutcome(
                r.getSuccessful().stream()
                        .map(DeleteMessageBatchResultEntry::getId)
                        .toList(),
                failures(r.getFailed()));
    }

    @Override
    public void changeVisibility(String queueUrl, String receiptHandle, int visibilityTimeout) {
        call(() -> client.changeMessageVisibility(queueUrl, receiptHandle, visibilityTimeout));
    }

    @Override
    public BatchOutcome changeVisibilityBatch(String queueUrl, List<HandleEntry> entries) {
        var sdkEntries = entries.stream()
                .map(e -> new ChangeMessageVisibilityBatchRequestEntry(e.id(), e.receiptHandle())
                        .withVisibilityTimeout(e.visibilityTimeout()))
                .toList();
        var r = call(() -> client.changeMessageVisibilityBatch(queueUrl, sdkEntries));
        return new BatchOutcome(r.getSuccessful().stream().map(s -> s.getId()).toList(), failures(r.getFailed()));
    }

    @Override
    public void purge(String queueUrl) {
        call(() -> client.purgeQueue(new com.amazonaws.services.sqs.model.PurgeQueueRequest(queueUrl)));
    }

    @Override
    public void tag(String queueUrl, Map<String, String> tags) {
        call(() -> client.tagQueue(new TagQueueRequest(queueUrl, tags)));
    }

    @Override
    public void untag(String queueUrl, List<String> keys) {
        call(() -> client.untagQueue(new UntagQueueRequest(queueUrl, keys)));
    }

    @Override
    public Map<String, String> listTags(String queueUrl) {
        var tags = call(
                () -> client.listQueueTags(new ListQueueTagsRequest(queueUrl)).getTags());
        return tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public void close() {
        client.shutdown();
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (AmazonServiceException e) {
            throw new SqsError(e.getErrorCode(), e.getStatusCode(), e.getErrorMessage(), e);
        }
    }

    private static Map<String, MessageAttributeValue> toSdk(Map<String, MessageAttribute> attributes) {
        var out = new LinkedHashMap<String, MessageAttributeValue>();
        attributes.forEach((name, a) -> {
            var v = new MessageAttributeValue().withDataType(a.dataType());
            if (a.isBinary()) {
                v.setBinaryValue(ByteBuffer.wrap(a.binaryValue()));
            } else {
                v.setStringValue(a.stringValue());
            }
            out.put(name, v);
        });
        return out;
    }

    private static Map<String, MessageSystemAttributeValue> traceHeader(String header) {
        return Map.of(
                "AWSTraceHeader",
                new MessageSystemAttributeValue().withDataType("String").withStringValue(header));
    }

    private static ReceivedMessage fromSdk(Message m) {
        var attributes = new LinkedHashMap<String, MessageAttribute>();
        m.getMessageAttributes().forEach((name, v) -> {
            byte[] binary = null;
            if (v.getBinaryValue() != null) {
                var buffer = v.getBinaryValue().duplicate();
                binary = new byte[buffer.remaining()];
                buffer.get(binary);
            }
            attributes.put(name, new MessageAttribute(v.getDataType(), v.getStringValue(), binary));
        });
        return new ReceivedMessage(
                m.getMessageId(),
                m.getReceiptHandle(),
                m.getBody(),
                m.getMD5OfBody(),
                Optional.ofNullable(m.getMD5OfMessageAttributes()),
                Map.copyOf(m.getAttributes()),
                attributes);
    }

    private static List<BatchFailure> failures(List<com.amazonaws.services.sqs.model.BatchResultErrorEntry> failed) {
        var out = new ArrayList<BatchFailure>();
        for (var f : failed) {
            out.add(new BatchFailure(f.getId(), Boolean.TRUE.equals(f.getSenderFault()), f.getCode(), f.getMessage()));
        }
        return out;
    }
}
