package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link NewHeadsListener} that records what it receives, with bounded waits for it. */
final class HeadRecorder implements NewHeadsListener {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<BlockHeader> heads = new LinkedBlockingQueue<>();
    private final CompletableFuture<RpcException> ended = new CompletableFuture<>();
    private final CountDownLatch gate;

    /** A recorder that takes heads as they come. */
    HeadRecorder() {
        this(new CountDownLatch(0));
    }

    /** A recorder that blocks in {@link #onHead} until {@code gate} opens, as a slow consumer. */
    HeadRecorder(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public void onHead(BlockHeader head) {
        try {
            if (!gate.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        heads.add(head);
    }

    @Override
    public void onError(RpcException cause) {
        ended.complete(cause);
    }

    @Override
    public void onClose() {
        ended.complete(null);
    }

    /** Waits for the next head. */
    BlockHeader next() throws InterruptedException {
        BlockHeader head = heads.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(head, "no head within " + WAIT);
        return head;
    }

    /** Waits for the end: the error, or null after onClose. */
    RpcException end() throws InterruptedException, ExecutionException, TimeoutException {
        return ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    boolean hasEnded() {
        return ended.isDone();
    }

    int received() {
        return heads.size();
    }
}
