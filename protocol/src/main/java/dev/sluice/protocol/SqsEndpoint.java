package dev.sluice.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.ErrorCode;
import dev.sluice.engine.QueueEngine;
import dev.sluice.engine.SqsException;
import dev.sluice.protocol.action.Action;
import dev.sluice.protocol.action.ActionRequest;
import dev.sluice.protocol.action.Actions;
import dev.sluice.protocol.model.Operation;
import dev.sluice.protocol.model.ServiceModel;
import dev.sluice.protocol.wire.JsonProtocol;
import dev.sluice.protocol.wire.QueryProtocol;
import dev.sluice.protocol.wire.WireProtocol;
import dev.sluice.protocol.wire.WireRequest;
import dev.sluice.store.QueueId;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS API over HTTP: detects the wire protocol of a request, decodes it, dispatches it to its action, and encodes
 * the answer or the error. Called on a virtual thread per request, where it may block (long polls), or on the caller's
 * own thread for the requests {@link #answersWithoutBlocking} names.
 *
 * <p>Request path: protocol detection (REFERENCE §1.1) → envelope (Query parameters are parsed here) → action name
 * (missing: MissingAction, or 404 for a bare GET of a queue URL; not in the model: InvalidAction; in the model but
 * not implemented: UnsupportedOperation) → queue path check
 * (CreateQueue/ListQueues on a queue URL: InvalidAction) → input tree read against the model, with the path's queue
 * as the default {@code QueueUrl} → action → encoded answer. Every {@link SqsException} is encoded by the request's
 * protocol; anything else is logged once with the request id and answered as InternalError (500), never with a stack
 * trace. Every answer carries {@code x-amzn-RequestId} and {@code Date}.
 */
public final class SqsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEndpoint.class);
    private static final String INTERNAL_ERROR_MESSAGE = "We encountered an internal error. Please try again.";

    /**
     * The largest body {@link #answersWithoutBlocking} lets a caller handle on its own (event-loop) thread: decoding,
     * digesting and sealing 64 KiB takes tens of microseconds; a 1 MiB send would hold the loop's other connections
     * for a millisecond or more, so it goes to a request thread.
     */
    public static final int NON_BLOCKING_BODY_LIMIT = 64 * 1024;

    private final QueueEngine engine;
    private final ProtocolConfig config;
    private final InstantSource clock;
    private final ServiceModel model;
    private final Actions actions;
    private final HttpDates dates = new HttpDates();

    public SqsEndpoint(QueueEngine engine, ProtocolConfig config) {
        this(engine, config, InstantSource.system());
    }

    /** @param clock the source of the {@code Date} response header */
    public SqsEndpoint(QueueEngine engine, ProtocolConfig config, InstantSource clock) {
        this(engine, config, clock, Actions.standard());
    }

    /** @param actions the action registry (tests replace actions to reach failure paths) */
    SqsEndpoint(QueueEngine engine, ProtocolConfig config, InstantSource clock, Actions actions) {
        this.engine = engine;
        this.config = config;
        this.clock = clock;
        this.model = ServiceModel.sqs();
        this.actions = actions;
    }

    /**
     * Encodes {@code error} in the wire protocol of {@code request} (whose body may be empty), for failures the HTTP
     * layer detects before the request reaches {@link #handle}, such as an oversized body.
     */
    public HttpResponse reject(HttpRequestView request, SqsException error) {
        String requestId = RequestIds.next();
        return WireProtocol.of(request).error(error, requestId, commonHeaders(requestId));
    }

    /**
     * True when {@link #handle(HttpRequestView, Executor)} returns without blocking for {@code request}, so the caller
     * may call it on a thread that must not block (the HTTP event loop) instead of handing it to a request thread: a
     * JSON request (the protocol the action is known from without parsing the body) for an action that only hands its
     * work to the engine (SendMessage, SendMessageBatch, DeleteMessage, DeleteMessageBatch), with a body of at most
     * {@link #NON_BLOCKING_BODY_LIMIT}, on an engine whose async calls do not wait for I/O. Anything else, including
     * every Query request, may block.
     */
    public boolean answersWithoutBlocking(HttpRequestView request) {
        if (request.body().length > NON_BLOCKING_BODY_LIMIT
                || !engine.asyncCallsWithoutWaiting()
                || !(WireProtocol.of(request) instanceof JsonProtocol)) {
            return false;
        }
        return actions.find(JsonProtocol.action(request))
                .map(Action::answersWithoutBlocking)
                .orElse(false);
    }

    /** Never throws: every failure becomes an SQS error response. Waits for the answer on the caller's thread. */
    public HttpResponse handle(HttpRequestView request) {
        return handle(request, Runnable::run).join();
    }

    /**
     * Answers {@code request}; the future never fails: every failure becomes an SQS error response. Most actions are
     * answered before this returns (the future is then already complete). An action that waits for the store's
     * commit (a send) is answered from that commit: the response is encoded on {@code continuation}, which must not
     * reject tasks, so the store's writer thread only hands the result over.
     */
    public CompletableFuture<HttpResponse> handle(HttpRequestView request, Executor continuation) {
        String requestId = RequestIds.next();
        Map<String, String> headers = commonHeaders(requestId);
        WireProtocol protocol = WireProtocol.of(request);
        String actionName = null;
        try {
            WireRequest wire = protocol.parse(request);
            Optional<String> name = wire.action();
            Optional<QueueId> pathQueue = QueueUrls.fromPath(request.path());
            if (name.isEmpty()) {
                if (request.method().equals("GET") && pathQueue.isPresent() && protocol instanceof QueryProtocol q) {
                    return CompletableFuture.completedFuture(q.unknownOperation(headers));
                }
                throw new SqsException(ErrorCode.MISSING_ACTION, "The request must contain the parameter Action.");
            }
            actionName = name.get();
            Operation operation = model.operation(actionName).orElseThrow(invalidAction(actionName));
            CompletableFuture<ObjectNode> output = dispatch(request, wire, operation, actionName, pathQueue);
            Answer answer = new Answer(protocol, operation, requestId, actionName, headers);
            if (output.isDone()) {
                return CompletableFuture.completedFuture(answer.encode(output));
            }
            return output.handleAsync(answer::encode, continuation);
        } catch (Exception | StackOverflowError e) {
            return CompletableFuture.completedFuture(failure(protocol, e, requestId, actionName, headers));
        }
    }

    private CompletableFuture<ObjectNode> dispatch(
            HttpRequestView request,
            WireRequest wire,
            Operation operation,
            String actionName,
            Optional<QueueId> pathQueue) {
        Action action = actions.find(actionName)
                .orElseThrow(() -> new SqsException(
                        ErrorCode.UNSUPPORTED_OPERATION,
                        "The action " + actionName + " is not supported by Sluice yet."));
        if (pathQueue.isPresent() && !action.acceptsQueuePath()) {
            throw invalidAction(actionName).get();
        }
        QueueUrls urls = QueueUrls.forRequest(config, request);
        Map<String, String> defaults = pathQueue.isPresent() ? Map.of("QueueUrl", urls.of(pathQueue.get())) : Map.of();
        ObjectNode input = wire.input(operation.input(), defaults);
        Caller caller = caller(request);
        return action.handleAsync(
                new ActionRequest(input, engine, caller, urls, Optional.ofNullable(request.header("X-Amzn-Trace-Id"))));
    }

    /** What encodes the outcome of one dispatched action, now or when its future completes. */
    private record Answer(
            WireProtocol protocol,
            Operation operation,
            String requestId,
            String actionName,
            Map<String, String> headers) {

        HttpResponse encode(CompletableFuture<ObjectNode> done) {
            try {
                return encode(done.join(), null);
            } catch (CompletionException | CancellationException e) {
                return encode(null, e);
            }
        }

        HttpResponse encode(ObjectNode output, Throwable failure) {
            if (failure == null) {
                try {
                    return protocol.success(operation, output, requestId, headers);
                } catch (RuntimeException | StackOverflowError e) {
                    failure = e;
                }
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return failure(protocol, cause, requestId, actionName, headers);
        }
    }

    /** The error answer: an {@link SqsException} as itself, anything else logged once and answered InternalError. */
    private static HttpResponse failure(
            WireProtocol protocol, Throwable e, String requestId, String actionName, Map<String, String> headers) {
        if (e instanceof SqsException sqs) {
            return protocol.error(sqs, requestId, headers);
        }
        LOG.error("Request {} ({}) failed unexpectedly", requestId, actionName, e);
        return protocol.error(new SqsException(ErrorCode.INTERNAL_ERROR, INTERNAL_ERROR_MESSAGE), requestId, headers);
    }

    /** Who sent the request; every caller is the default account until SigV4 authentication is added here. */
    private Caller caller(HttpRequestView request) {
        return new Caller(config.defaultAccount());
    }

    private static Supplier<SqsException> invalidAction(String name) {
        return () ->
                new SqsException(ErrorCode.INVALID_ACTION, "The action " + name + " is not valid for this endpoint.");
    }

    private Map<String, String> commonHeaders(String requestId) {
        return Map.of("x-amzn-RequestId", requestId, "Date", dates.format(clock.instant()));
    }
}
