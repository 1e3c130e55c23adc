package edu.sevenp.desktop.sync.faults;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server for the proxy's tests, speaking frames so a test knows every byte: a request is the response size
 * it asks for, the body's length and the body; the answer is its length and a body made from the request. It records
 * each whole request, and how many bytes each connection had read when it ended.
 */
final class FramedServer implements AutoCloseable {

    private static final long WAIT_SECONDS = 5;

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "framed-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final BlockingQueue<byte[]> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> endedConnections = new LinkedBlockingQueue<>();

    private FramedServer(ServerSocket listener) {
        this.listener = listener;
    }

    static FramedServer start() throws IOException {
        FramedServer server = new FramedServer(new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
        server.threads.execute(server::accept);
        return server;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** The next whole request the server received, waiting a little for it. */
    byte[] nextRequest() throws InterruptedException {
        byte[] request = requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the server received no request");
        }
        return request;
    }

    /** Whole requests received and not yet taken. */
    int requestsWaiting() {
        return requests.size();
    }

    /** How many bytes the next connection to end had read, waiting a little for one to end. */
    long nextEndedConnectionBytes() throws InterruptedException {
        Long bytes = endedConnections.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (bytes == null) {
            throw new AssertionError("no server connection ended");
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }

    /** A request as sent on the wire. */
    static byte[] request(byte[] body, int responseSize) {
        return frame(out -> {
            out.writeInt(responseSize);
            out.writeInt(body.length);
            out.write(body);
        });
    }

    /** The answer to a request, as sent on the wire. */
    static byte[] response(byte[] body, int responseSize) {
        byte[] answer = new byte[responseSize];
        for (int i = 0; i < responseSize; i++) {
            answer[i] = (byte) (i * 7 + (body.length == 0 ? 0 : body[i % body.length]));
        }
        return frame(out -> {
            out.writeInt(answer.length);
            out.write(answer);
        });
    }

    /** A body of {@code size} bytes, different for each {@code salt}. */
    static byte[] body(int size, int salt) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) (i * 13 + salt * 101);
        }
        return body;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        CountingInput counted = null;
        try (socket) {
            counted = new CountingInput(socket.getInputStream());
            DataInputStream in = new DataInputStream(counted);
            OutputStream out = socket.getOutputStream();
            while (true) {
                int responseSize = in.readInt();
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                requests.add(body);
                out.write(response(body, responseSize));
                out.flush();
            }
        } catch (EOFException e) {
            // The client, or the proxy, ended the connection: between requests or in the middle of one.
        } catch (IOException e) {
            // Reset or closed under us: the proxy's faults do that.
        } finally {
            endedConnections.add(counted == null ? 0 : counted.count);
        }
    }

    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] frame(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Counts what the server read, so a test can tell how much of a cut request arrived. */
    private static final class CountingInput extends FilterInputStream {

        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
