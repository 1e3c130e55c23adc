package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.sync.CatalogSearch;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.MediaBody;
import edu.sevenp.desktop.sync.ServerContact;
import edu.sevenp.desktop.sync.ServerEvents;
import edu.sevenp.desktop.sync.SyncApi;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sync server that only serves media, scripted per file: answers cut after some bytes, ranges ignored, damaged
 * bytes, refusals. It records every request. Anything but {@link #media} is not part of the media stage.
 */
final class FakeMediaServer implements SyncApi {

    /** A request for a file, from a byte. */
    record Request(String sha256, long from) {
    }

    /** Told before each read of an answer's body, with how far into the file it is. */
    @FunctionalInterface
    interface ReadWatcher {
        void beforeRead(String sha256, long position);
    }

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, Long> cutOnce = new HashMap<>();
    private final Map<String, byte[]> damagedOnce = new HashMap<>();
    private final Map<String, SyncFailure> refusals = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private boolean ignoresRanges;
    private SyncFailure down;
    private ReadWatcher watcher = (sha256, position) -> { };

    FakeMediaServer serve(String sha256, byte[] content) {
        files.put(sha256, content);
        return this;
    }

    /** The next answer for this file breaks off after {@code bytes} bytes of the file. */
    FakeMediaServer cutAfter(String sha256, long bytes) {
        cutOnce.put(sha256, bytes);
        return this;
    }

    /** The next answer for this file carries these bytes instead. */
    FakeMediaServer damageOnce(String sha256, byte[] damaged) {
        damagedOnce.put(sha256, damaged);
        return this;
    }

    /** Answers like a server that has no such file (404 not_found). */
    FakeMediaServer notFound(String sha256) {
        refusals.put(sha256, new SyncFailure(SyncFailure.Kind.REFUSED, "not_found",
                "The server refused the request: no such file", null, null));
        return this;
    }

    /** Every answer is the whole file, 200, whatever range was asked. */
    FakeMediaServer ignoringRanges() {
        ignoresRanges = true;
        return this;
    }

    /** Every request fails like a computer without a network. */
    FakeMediaServer offline() {
        down = SyncFailure.of(SyncFailure.Kind.UNREACHABLE, "Cannot reach the server");
        return this;
    }

    FakeMediaServer online() {
        down = null;
        return this;
    }

    FakeMediaServer watchReads(ReadWatcher readWatcher) {
        this.watcher = readWatcher;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public MediaBody media(String sha256, long from) {
        requests.add(new Request(sha256, from));
        if (down != null) {
            throw down;
        }
        if (refusals.containsKey(sha256)) {
            throw refusals.get(sha256);
        }
        byte[] file = files.get(sha256);
        if (file == null) {
            throw new IllegalStateException("the test serves no file " + sha256);
        }
        byte[] content = damagedOnce.containsKey(sha256) ? damagedOnce.remove(sha256) : file;
        long start = ignoresRanges ? 0 : from;
        Long cut = cutOnce.remove(sha256);
        long end = cut == null ? content.length : cut;
        InputStream stream = new Body(sha256, content, (int) start, (int) end, cut != null);
        return new MediaBody() {
            @Override
            public long start() {
                return start;
            }

            @Override
            public long totalSize() {
                return content.length;
            }

            @Override
            public InputStream stream() {
                return stream;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The bytes of an answer, from start to end; a cut answer then fails as a reset connection does. */
    private final class Body extends InputStream {

        private final String sha256;
        private final ByteArrayInputStream bytes;
        private final boolean cut;
        private long position;

        Body(String sha256, byte[] content, int start, int end, boolean cut) {
            this.sha256 = sha256;
            this.bytes = new ByteArrayInputStream(content, start, end - start);
            this.cut = cut;
            this.position = start;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            watcher.beforeRead(sha256, position);
            int read = bytes.read(buffer, offset, length);
            if (read < 0 && cut) {
                throw new IOException("Connection reset");
            }
            if (read > 0) {
                position += read;
            }
            return read;
        }
    }

    @Override
    public ServerContact contact() {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public AccountView register(String email, char[] password, String name) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public Credentials signIn(String email, char[] password) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public void signOut() {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public java.util.List<edu.sevenp.model.protocol.DeviceView> devices() {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public void revokeDevice(java.util.UUID device) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public PushResponse push(PushRequest request) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public PullResponse pull(PullRequest request) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public CatalogPage catalog(CatalogSearch search) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public List<CategoryView> categories() {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public CourseDetail course(UUID course) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public EnrollmentRow enroll(UUID course) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public java.util.List<edu.sevenp.model.protocol.CourseFigures> instructorCourses() {
        throw new UnsupportedOperationException("no course statistics here");
    }

    @Override
    public edu.sevenp.model.protocol.CourseStatistics courseStatistics(UUID course) {
        throw new UnsupportedOperationException("no course statistics here");
    }

    @Override
    public edu.sevenp.desktop.sync.PublishVerdict publish(java.nio.file.Path zip, String summary,
            edu.sevenp.desktop.sync.UploadProgress progress, edu.sevenp.desktop.sync.Cancellation cancellation) {
        throw new UnsupportedOperationException("no publishing here");
    }

    @Override
    public AutoCloseable listen(ServerEvents events) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public java.util.List<edu.sevenp.model.protocol.Recommendation> recommendations(int limit) {
        throw new UnsupportedOperationException("not part of the media stage");
    }

    @Override
    public Traffic traffic() {
        throw new UnsupportedOperationException("not part of the media stage");
    }
}
