package io.chainwire.rpc.internal;

import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;

/**
 * Hands the heads of one subscription from the socket's thread to its listener through a bounded queue, on a daemon
 * thread of its own, and ends with exactly one terminal callback after the last queued head.
 */
public final class HeadDispatcher {
    private static final Logger LOG = RpcLogger.LOG;

    private final NewHeadsListener listener;
    private final int capacity;
    private final ArrayDeque<BlockHeader> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean finished;
    private boolean discarded;
    private RpcException failure;

    /** Creates the dispatcher and starts its thread, named after {@code name}. */
    public HeadDispatcher(NewHeadsListener listener, int capacity, String name) {
        this.listener = listener;
        this.capacity = capacity;
        Thread thread = new Thread(this::deliver, "chainwire-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a head; returns false, queuing nothing, if the queue is full. A head offered after {@link #finish} is
     * dropped: its subscription has ended.
     */
    public boolean offer(BlockHeader head) {
        lock.lock();
        try {
            if (finished) {
                return true;
            }
            if (queue.size() >= capacity) {
                return false;
            }
            queue.add(head);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends delivery after the queued heads with {@link NewHeadsListener#onError(RpcException)}, or with
     * {@link NewHeadsListener#onClose()} if {@code cause} is null. Only the first call counts.
     */
    public void finish(RpcException cause) {
        lock.lock();
        try {
            if (!finished) {
                finished = true;
                failure = cause;
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops at once, dropping queued heads and calling no terminal callback (a subscription that never started). */
    public void discard() {
        lock.lock();
        try {
            finished = true;
            discarded = true;
            queue.clear();
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void deliver() {
        while (true) {
            BlockHeader head;
            RpcException cause;
            lock.lock();
            try {
                while (queue.isEmpty() && !finished) {
                    changed.awaitUninterruptibly();
                }
                if (discarded) {
                    return;
                }
                head = queue.poll();
                cause = failure;
            } finally {
                lock.unlock();
            }
            if (head == null) {
                terminate(cause);
                return;
            }
            try {
                listener.onHead(head);
            } catch (RuntimeException e) {
                LOG.error(
                        "the newHeads listener failed on block {} ({}); delivery goes on",
                        head.number(),
                        head.hash(),
                        e);
            }
        }
    }

    private void terminate(RpcException cause) {
        try {
            if (cause == null) {
                listener.onClose();
            } else {
                listener.onError(cause);
            }
        } catch (RuntimeException e) {
            LOG.error("the newHeads listener failed in its terminal callback", e);
        }
    }
}
