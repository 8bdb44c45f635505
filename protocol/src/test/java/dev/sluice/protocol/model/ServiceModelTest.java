package dev.sluice.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The merged model: JSON member names and types, Query names and flattening. */
class ServiceModelTest {
    private final ServiceModel model = ServiceModel.sqs();

    @Test
    void everyActionOfTheJsonModelIsPresent() {
        assertThat(model.operationNames()).hasSize(23).contains("SendMessage", "ListMessageMoveTasks", "AddPermission");
    }

    @Test
    void queryNamesComeFromTheQueryModel() {
        Shape send = model.operation("SendMessage").orElseThrow().input();
        Member attributes = send.members().get("MessageAttributes");
        assertThat(attributes.queryName()).isEqualTo("MessageAttribute");
        assertThat(attributes.isFlattened()).isTrue();
        assertThat(attributes.shape().key().locationName()).isEqualTo("Name");
        assertThat(attributes.shape().value().locationName()).isEqualTo("Value");
        Shape batch = model.operation("SendMessageBatch").orElseThrow().input();
        assertThat(batch.members().get("Entries").shape().element().locationName())
                .isEqualTo("SendMessageBatchRequestEntry");
        assertThat(model.operation("ReceiveMessage").orElseThrow().resultWrapper())
                .isEqualTo("ReceiveMessageResult");
    }

    @Test
    void newerMembersComeFromTheJsonModel() {
        Shape receive = model.operation("ReceiveMessage").orElseThrow().input();
        assertThat(receive.members()).containsKey("MessageSystemAttributeNames");
        assertThat(receive.members().get("MaxNumberOfMessages").shape().type()).isEqualTo(ShapeType.INTEGER);
        assertThat(receive.required()).containsExactly("QueueUrl");
        assertThat(model.operation("DeleteMessage").orElseThrow().output()).isEmpty();
    }
}
