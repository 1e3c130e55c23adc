package edu.sevenp.server.events;

/**
 * The database's change notifications (implemented in server.db over PostgreSQL LISTEN/NOTIFY): each names whose
 * rows changed, {@code u:<user id>} or {@code c:<course id>}.
 */
public interface ChangeListener extends AutoCloseable {

    /** Where notifications go; called on the listener's own thread. */
    interface Sink {
        void notified(String payload);

        /** The connection was lost and made again: notifications may have been missed meanwhile. */
        void reconnected();
    }

    void start(Sink sink);

    @Override
    void close();
}
