package edu.sevenp.desktop.sync.client;

import edu.sevenp.desktop.sync.SyncApi.Traffic;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/** Counts the bytes of every exchange, headers and bodies, as they pass (the benchmark's bytes). */
final class TrafficMeter extends EventListener {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    Traffic total() {
        return new Traffic(sent.get(), received.get());
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        sent.addAndGet(request.headers().byteCount() + request.method().length() + request.url().encodedPath().length()
                + 12);
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        sent.addAndGet(byteCount);
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        received.addAndGet(response.headers().byteCount() + 17);
    }

    @Override
    public void responseBodyEnd(Call call, long byteCount) {
        received.addAndGet(byteCount);
    }
}
