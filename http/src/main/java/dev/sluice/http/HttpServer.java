package dev.sluice.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sluice's HTTP/1.1 server: Netty (epoll where available, NIO otherwise) for I/O, a virtual thread per request for
 * the work.
 *
 * <p>Design. The pipeline of a connection is: optional TLS ({@code SslHandler}), {@link ConnectionTimeouts} (request
 * and idle timeouts on the raw bytes), {@code HttpServerCodec}, {@link BodyLimit} (aggregation up to the body limit,
 * SQS 413 above it) and {@link RequestDispatcher} (routing, the virtual-thread hand-off, and one request at a time
 * per connection: pipelined requests wait there, a few at most before it stops reading). An idle or long-polling
 * connection costs a channel and, while a request is in progress, one parked virtual thread; a send parks none (it is
 * answered from the store's commit).
 *
 * <p>Threads. {@link HttpServerConfig#ioThreads} event loops (one per core by default, see {@link
 * HttpServerConfig#defaults}) and a virtual thread per request.
 *
 * <p>Lifecycle. {@link #start} binds; {@link #ready(boolean)} drives {@code /health/ready} (503 until the owner says
 * ready). {@link #stopAccepting} closes the listening socket, marks the server not ready and refuses new API requests
 * with 503 ServiceUnavailable; {@link #close} then waits up to the shutdown grace for requests in progress and closes
 * every connection. The owner closes the engine between the two so that waiting long polls are answered.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HttpServerConfig config;
    private final Router router;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ReentrantLock lifecycle = new ReentrantLock(); // guards group, listener and closed
    private volatile boolean ready;
    private EventLoopGroup group;
    private ExecutorService virtualThreads;
    private Channel listener;
    private boolean closed;
    private String transport = "none";

    /** A server whose fixed GET routes are the health checks plus {@code extraRoutes} (for example /metrics). */
    public HttpServer(HttpServerConfig config, ApiEndpoint api, Map<String, Endpoint> extraRoutes) {
        this.config = config;
        Map<String, Endpoint> routes = new HashMap<>(extraRoutes);
        routes.put("/health/live", Health.live());
        routes.put("/health/ready", Health.ready(this::isReady));
        this.router = new Router(routes, api);
    }

    public HttpServer(HttpServerConfig config, ApiEndpoint api) {
        this(config, api, Map.of());
    }

    /** Loads the native transport, if any, ahead of {@link #start} (it takes a moment on a first start). */
    public static void warmUp() {
        Epoll.isAvailable();
    }

    /** Binds and starts serving; not ready until {@link #ready(boolean)}. */
    public HttpServer start() {
        lifecycle.lock();
        try {
            if (group != null) {
                throw new IllegalStateException("already started");
            }
            boolean epoll = Epoll.isAvailable();
            IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
            Class<? extends ServerChannel> channelType =
                    epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
            transport = epoll ? "epoll" : "nio";
            group = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("sluice-io"), io);
            virtualThreads = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("sqs-request-", 0).factory());
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            configure(channel);
                        }
                    });
            try {
                listener = bootstrap
                        .bind(config.host(), config.port())
                        .syncUninterruptibly()
                        .channel();
            } catch (Exception e) { // Netty rethrows the bind failure's IOException unchecked
                shutDownThreads();
                throw new IllegalStateException(
                        "Cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
            }
            log.debug("HTTP server bound to {} ({})", listener.localAddress(), transport);
            return this;
        } finally {
            lifecycle.unlock();
        }
    }

    private void configure(Channel channel) {
        connections.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        boolean secure = config.ssl().isPresent();
        config.ssl().ifPresent(ssl -> pipeline.addLast("tls", ssl.newHandler(channel.alloc())));
        ConnectionTimeouts timeouts = new ConnectionTimeouts(config.requestTimeout(), config.idleTimeout());
        pipeline.addLast("timeouts", timeouts);
        pipeline.addLast("http", new HttpServerCodec(config.maxInitialLineLength(), config.maxHeaderSize(), 64 * 1024));
        pipeline.addLast("body", new BodyLimit(config.maxBodyBytes(), router.api(), secure, timeouts));
        pipeline.addLast("dispatch", new RequestDispatcher(router, inFlight, virtualThreads, timeouts, secure));
    }

    /** The bound port (the real one when configured with port 0). */
    public int port() {
        return localAddress().getPort();
    }

    public InetSocketAddress localAddress() {
        lifecycle.lock();
        try {
            if (listener == null) {
                throw new IllegalStateException("not started");
            }
            return (InetSocketAddress) listener.localAddress();
        } finally {
            lifecycle.unlock();
        }
    }

    /** {@code epoll} or {@code nio}. */
    public String transport() {
        return transport;
    }

    /** Sets what {@code /health/ready} answers. */
    public void ready(boolean value) {
        ready = value && !inFlight.draining();
    }

    public boolean isReady() {
        return ready;
    }

    /** API requests in progress (for shutdown logging and tests). */
    public int requestsInProgress() {
        return inFlight.count();
    }

    /** Not ready any more, no new connections, new API requests refused with 503; requests in progress go on. */
    public void stopAccepting() {
        ready = false;
        inFlight.drain();
        lifecycle.lock();
        try {
            if (listener != null && listener.isOpen()) {
                listener.close().syncUninterruptibly();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for the API requests in progress to be answered; true if none is left. Call after
     * {@link #stopAccepting}.
     */
    public boolean awaitRequests(Duration timeout) {
        return inFlight.awaitIdle(timeout);
    }

    /** Graceful: stops accepting, waits up to the shutdown grace for requests in progress, then closes everything. */
    @Override
    public void close() {
        stopAccepting();
        if (!inFlight.awaitIdle(config.shutdownGrace())) {
            log.warn(
                    "{} requests still in progress after {} s; closing their connections",
                    inFlight.count(),
                    config.shutdownGrace().toSeconds());
        }
        lifecycle.lock();
        try {
            if (closed || group == null) {
                closed = true;
                return;
            }
            closed = true;
            connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            shutDownThreads();
        } finally {
            lifecycle.unlock();
        }
    }

    private void shutDownThreads() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        virtualThreads.shutdownNow();
    }
}
