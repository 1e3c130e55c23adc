package edu.sevenp.server.db;

import edu.sevenp.server.events.ChangeListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on the channel V18's notify_sync_change() writes to, on a connection of its own, and hands every
 * notification to the hub. When the connection is lost (the database restarted, a network cut) it connects
 * again with backoff and tells the hub, since notifications sent meanwhile are gone.
 */
final class PgChangeListener implements ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(PgChangeListener.class);
    static final String CHANNEL = "sevenp_sync";
    private static final int WAIT_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final DataSource dataSource;
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile Connection current;

    PgChangeListener(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void start(Sink sink) {
        Objects.requireNonNull(sink, "sink");
        Thread listener = new Thread(() -> listen(sink), "sevenp-change-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    private void listen(Sink sink) {
        long backoff = 500;
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                current = connection;
                if (connectedBefore) {
                    LOG.info("Change notifications: connected again; every open channel is told to pull");
                    sink.reconnected();
                }
                connectedBefore = true;
                backoff = 500;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver(sink, notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Change notifications: connection lost ({}); trying again in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                current = null;
            }
        }
    }

    private static void deliver(Sink sink, String payload) {
        try {
            sink.notified(payload);
        } catch (RuntimeException e) {
            LOG.warn("A change notification could not be delivered: {}", payload, e);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
