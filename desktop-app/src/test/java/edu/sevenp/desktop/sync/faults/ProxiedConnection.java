package edu.sevenp.desktop.sync.faults;

import edu.sevenp.desktop.sync.faults.Fault.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client connection and its connection to the server, copied by two pumps (one thread each) until both streams
 * end or a fault ends them. The pumps tell exchanges apart: client bytes after server bytes begin the next one, which
 * holds for HTTP/1.1 clients, as they do not pipeline.
 */
final class ProxiedConnection {

    /** Decides the fault of an exchange as it begins; the proxy applies its budget and switch. */
    interface Decider {
        Fault decide(long connection, int exchange);
    }

    private static final int BUFFER_BYTES = 8_192;

    private final Socket client;
    private final Socket server;
    private final FaultCounters counters;
    private final Decider decider;
    private final Consumer<ProxiedConnection> onClosed;
    private final AtomicInteger pumpsRunning = new AtomicInteger(2);
    /** The current exchange's fault. Guarded by this. */
    private Fault current;
    /** Whether the server has sent since the current exchange began. Guarded by this. */
    private boolean answered;

    ProxiedConnection(Fault first, Socket client, Socket server, FaultCounters counters, Decider decider,
            Consumer<ProxiedConnection> onClosed) {
        this.current = first;
        this.client = client;
        this.server = server;
        this.counters = counters;
        this.decider = decider;
        this.onClosed = onClosed;
    }

    /** Copies one stream; run on its own thread. */
    void pump(Direction direction) {
        Socket from = direction == Direction.TO_SERVER ? client : server;
        Socket to = direction == Direction.TO_SERVER ? server : client;
        try {
            if (copy(direction, from.getInputStream(), to.getOutputStream())) {
                // The sender finished cleanly: pass the half-close on, the other stream may still be answering.
                to.shutdownOutput();
            }
        } catch (IOException e) {
            // A peer went away, or the other pump or the proxy closed the sockets: the connection is over.
            close(false);
        } catch (InterruptedException e) {
            close(false);
            Thread.currentThread().interrupt();
        } finally {
            if (pumpsRunning.decrementAndGet() == 0) {
                close(false);
                onClosed.accept(this);
            }
        }
    }

    /** Closes both sides; with {@code reset}, as a TCP reset rather than an orderly close. */
    void close(boolean reset) {
        if (reset) {
            // Both lingers first, so the other pump closing a socket in between still closes it with a reset.
            lingerZero(client);
            lingerZero(server);
        }
        closeQuietly(client);
        closeQuietly(server);
    }

    /** Returns true when the sender ended its stream, false when a fault ended the connection. */
    private boolean copy(Direction direction, InputStream in, OutputStream out) throws IOException, InterruptedException {
        Fault done = null;
        int exchange = -1;
        long exchangeBytes = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        int read;
        while ((read = in.read(buffer)) != -1) {
            Fault fault = faultOfChunk(direction);
            if (fault.exchange() != exchange) {
                exchange = fault.exchange();
                exchangeBytes = 0;
            }
            int before = read;
            if (fault != done && fault.actsOn(direction) && exchangeBytes + read > fault.atByte()) {
                before = (int) (fault.atByte() - exchangeBytes);
            }
            forward(direction, out, buffer, 0, before);
            exchangeBytes += before;
            if (before == read) {
                continue;
            }
            done = fault;
            counters.tookEffect(fault);
            switch (fault.kind()) {
                case DELAY -> {
                    Thread.sleep(fault.delayMillis());
                    forward(direction, out, buffer, before, read - before);
                    exchangeBytes += read - before;
                }
                case RESET -> {
                    close(true);
                    return false;
                }
                default -> {
                    close(false);
                    return false;
                }
            }
        }
        return true;
    }

    /** The fault in force for a chunk just read; client bytes after server bytes begin a new exchange. */
    private synchronized Fault faultOfChunk(Direction direction) {
        if (direction == Direction.TO_CLIENT) {
            answered = true;
        } else if (answered) {
            answered = false;
            current = decider.decide(current.connection(), current.exchange() + 1);
        }
        return current;
    }

    private void forward(Direction direction, OutputStream out, byte[] buffer, int offset, int length)
            throws IOException {
        if (length > 0) {
            out.write(buffer, offset, length);
            out.flush();
            counters.forwarded(direction, length);
        }
    }

    private static void lingerZero(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed by another thread: it is gone, which is all a reset has to achieve.
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do: the socket is gone either way.
        }
    }
}
