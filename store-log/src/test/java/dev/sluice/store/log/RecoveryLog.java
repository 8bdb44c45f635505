package dev.sluice.store.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures what {@link LogRecovery} logs while it is open, at every level from DEBUG up. */
final class RecoveryLog implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(LogRecovery.class);
    private final Level previous = logger.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    RecoveryLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** The formatted messages logged at exactly {@code level}, in order. */
    List<String> at(Level level) {
        return events().stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** The formatted messages logged at WARN or above. */
    List<String> warnings() {
        return events().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private List<ILoggingEvent> events() {
        // AppenderBase.doAppend holds the appender's monitor while it adds to the list
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previous);
    }
}
