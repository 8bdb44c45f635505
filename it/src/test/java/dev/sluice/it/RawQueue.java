package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One queue of the server under test, addressed on the raw wire. */
record RawQueue(RawHttp http, String name, String url) {

    static RawQueue create(URI endpoint, String prefix) {
        var http = new RawHttp(endpoint);
        var name = SluiceExtension.uniqueQueueName(prefix);
        var created = http.json("CreateQueue", "{\"QueueName\":\"" + name + "\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        return new RawQueue(http, name, created.json().get("QueueUrl").asText());
    }

    /** The server still answers both protocols (run after each bad request). */
    void assertServerStillAnswers() {
        var json = http.json("GetQueueUrl", "{\"QueueName\":\"" + name + "\"}");
        assertThat(json.status()).as("%s", json).isEqualTo(200);
        assertThat(json.json().get("QueueUrl").asText()).isEqualTo(url);
        var query = http.query("/", "Action=GetQueueUrl&Version=2012-11-05&QueueName=" + name);
        assertThat(query.status()).as("%s", query).isEqualTo(200);
        assertThat(query.xmlText("QueueUrl")).isEqualTo(url);
    }

    /** Visible plus delayed messages: what a rejected send must not have added. */
    int messagesInQueue() {
        var r = http.json(
                "GetQueueAttributes",
                "{\"QueueUrl\":\"" + url
                        + "\",\"AttributeNames\":[\"ApproximateNumberOfMessages\",\"ApproximateNumberOfMessagesDelayed\"]}");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().at("/Attributes/ApproximateNumberOfMessages").asInt()
                + r.json().at("/Attributes/ApproximateNumberOfMessagesDelayed").asInt();
    }

    /** The queue URL percent-encoded for a form. */
    String encodedUrl() {
        return URLEncoder.encode(url, StandardCharsets.UTF_8);
    }
}
