package dev.sluice.protocol.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.SqsException;
import java.util.concurrent.CompletableFuture;

/** DeleteMessage (REFERENCE §2.11); answered from the store's commit, like a send. */
public final class DeleteMessage implements Action {
    @Override
    public ObjectNode handle(ActionRequest request) {
        return SqsException.join(handleAsync(request));
    }

    /** It checks the handle and hands the delete to the engine; the commit completes its future. */
    @Override
    public boolean answersWithoutBlocking() {
        return true;
    }

    @Override
    public CompletableFuture<ObjectNode> handleAsync(ActionRequest request) {
        return request.engine()
                .deleteMessageAsync(request.queue(), Members.string(request.input(), "ReceiptHandle"))
                .thenApply(deleted -> ActionRequest.output());
    }
}
