package dev.sluice.it;

import static dev.sluice.it.WireAssertions.assertNoStackTrace;
import static dev.sluice.it.WireAssertions.assertXmlError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad AWS Query requests and other raw HTTP: each gets the exact SQS error (status, XML {@code <Code>}, the AWS wording
 * where REFERENCE/ERRORS record it) and never a stack trace, a hang or a dead server: after every test the server still
 * answers.
 */
class QueryBadInputTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    private static RawQueue queue;

    @BeforeAll
    static void createQueue() {
        queue = RawQueue.create(sluice.endpoint(), "bad");
    }

    @AfterEach
    void serverStillAnswersBothProtocols() {
        queue.assertServerStillAnswers();
    }

    @Test
    void unknownQueryActionIsInvalidAction() {
        var r = queue.http().query("/", "Action=FooBar&Version=2012-11-05");

        assertXmlError(r, 400, "InvalidAction");
        assertThat(r.xmlText("Message")).isEqualTo("The action FooBar is not valid for this endpoint.");
    }

    @Test
    void queryWithoutActionIsMissingAction() {
        assertXmlError(queue.http().query("/", "Version=2012-11-05&QueueName=x"), 400, "MissingAction");
    }

    @Test
    void missingRequiredQueryParameterIsMissingParameter() {
        var r = queue.http().query("/", "Action=CreateQueue&Version=2012-11-05");

        assertXmlError(r, 400, "MissingParameter");
        assertThat(r.xmlText("Message")).isEqualTo("The request must contain the parameter QueueName.");
    }

    @Test
    void outOfRangeOrNonNumericQueryValuesAreInvalidParameterValue() {
        var r = queue.http()
                .query("/", "Action=ReceiveMessage&QueueUrl=" + queue.encodedUrl() + "&MaxNumberOfMessages=11");
        assertXmlError(r, 400, "InvalidParameterValue");
        assertThat(r.xmlText("Message"))
                .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if"
                        + " provided.");

        assertXmlError(
                queue.http()
                        .query(
                                "/",
                                "Action=ReceiveMessage&QueueUrl=" + queue.encodedUrl() + "&MaxNumberOfMessages=ten"),
                400,
                "InvalidParameterValue");
    }

    @Test
    void malformedFormDataIsRejected() {
        assertXmlError(queue.http().query("/", "Action=ListQueues&bad=%ZZ"), 404, "MalformedQueryString");
        assertXmlError(
                queue.http()
                        .query(
                                "/",
                                "Action=GetQueueAttributes&QueueUrl=" + queue.encodedUrl() + "&AttributeName.x=All"),
                400,
                "InvalidQueryParameter");
    }

    @Test
    void forbiddenCharactersInAQueryBodyAreInvalidMessageContents() {
        var prefix = "Action=SendMessage&QueueUrl=" + queue.encodedUrl() + "&MessageBody=";
        assertXmlError(queue.http().query("/", prefix + "a%01b"), 400, "InvalidMessageContents");
        assertXmlError(queue.http().query("/", prefix + "not%EF%BF%BFa%20character"), 400, "InvalidMessageContents");
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void invalidUtf8InAQueryBodyIsRejectedNotReplaced() {
        // REFERENCE does not record AWS's answer; what matters is that no U+FFFD is stored in its place
        var prefix = "Action=SendMessage&QueueUrl=" + queue.encodedUrl() + "&MessageBody=";
        for (var bad : new String[] {"bad%C3%28byte", "lone%ED%A0%80surrogate", "cut%E2%82"}) {
            var r = queue.http().query("/", prefix + bad);
            assertXmlError(r, 400, "InvalidParameterValue");
            assertThat(r.xmlText("Message"))
                    .isEqualTo("Value for parameter MessageBody is invalid. Reason: the value is not valid UTF-8.");
        }
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void elevenQueryMessageAttributesAreInvalidParameterValue() {
        var form = new StringBuilder("Action=SendMessage&QueueUrl=" + queue.encodedUrl() + "&MessageBody=x");
        for (int i = 1; i <= 11; i++) {
            form.append("&MessageAttribute.").append(i).append(".Name=a").append(i);
            form.append("&MessageAttribute.").append(i).append(".Value.DataType=String");
            form.append("&MessageAttribute.").append(i).append(".Value.StringValue=v");
        }

        assertXmlError(queue.http().query("/", form.toString()), 400, "InvalidParameterValue");
        assertThat(queue.messagesInQueue()).isZero();
    }

    @Test
    void badQueryBatchEntryIdsAreInvalidBatchEntryId() {
        var r = queue.http()
                .query(
                        "/",
                        "Action=SendMessageBatch&QueueUrl=" + queue.encodedUrl()
                                + "&SendMessageBatchRequestEntry.1.Id=bad%20id&SendMessageBatchRequestEntry.1.MessageBody=x");

        assertXmlError(r, 400, "AWS.SimpleQueueService.InvalidBatchEntryId");
        var many = new StringBuilder("Action=DeleteMessageBatch&QueueUrl=" + queue.encodedUrl());
        for (int i = 1; i <= 11; i++) {
            many.append("&DeleteMessageBatchRequestEntry.")
                    .append(i)
                    .append(".Id=e")
                    .append(i);
            many.append("&DeleteMessageBatchRequestEntry.").append(i).append(".ReceiptHandle=h");
        }
        var tooMany = queue.http().query("/", many.toString());
        assertXmlError(tooMany, 400, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
        assertThat(tooMany.xmlText("Message"))
                .isEqualTo("Maximum number of entries per request are 10. You have sent 11.");
    }

    @Test
    void getOfAQueueUrlWithoutActionIsNotFound() {
        var r = queue.http().get("/000000000000/" + queue.name());

        assertThat(r.status()).as("%s", r).isEqualTo(404);
        assertThat(r.text()).contains("UnknownOperationException");
        assertNoStackTrace(r);
    }

    @Test
    void foreignQueueUrlOverQueryIsInvalidAddress() {
        var r = queue.http()
                .query(
                        "/",
                        "Action=SendMessage&QueueUrl=" + encode("https://sqs.eu-south-1.amazonaws.com/")
                                + "&MessageBody=x");

        assertXmlError(r, 404, "InvalidAddress");
        assertThat(r.xmlText("Message"))
                .isEqualTo("The address https://sqs.eu-south-1.amazonaws.com/ is not valid for" + " this endpoint.");
    }

    @Test
    void queryErrorForUnknownQueueUsesTheWsdlWording() {
        var r = queue.http()
                .query(
                        "/000000000000/" + SluiceExtension.uniqueQueueName("nope"),
                        "Action=GetQueueAttributes&AttributeName.1=All");

        assertXmlError(r, 400, "AWS.SimpleQueueService.NonExistentQueue");
        assertThat(r.xmlText("Message")).isEqualTo("The specified queue does not exist for this wsdl version.");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
