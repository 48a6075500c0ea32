package io.chainwire.benchmarks.backfill;

import io.chainwire.benchmarks.contracts.Erc20;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The node's ceiling: plain {@code eth_getLogs} requests over the ranges with {@code java.net.http}, the response bytes
 * read and thrown away. No parsing, no decoding, no checkpoints: the node's work, the loopback and reading the bytes.
 */
final class NodeCeiling {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Fetches every range and returns the number of response bytes. */
    long fetch(EmittedLogs logs, long rangeBlocks, int concurrency) throws Exception {
        return RangeFetcher.sum(logs.ranges(rangeBlocks), concurrency, (from, to) -> fetchRange(logs, from, to));
    }

    private long fetchRange(EmittedLogs logs, long from, long to) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"address\":\""
                + logs.contract() + "\",\"topics\":[\"" + Erc20.Transfer.TOPIC0 + "\"],\"fromBlock\":\"0x"
                + Long.toHexString(from)
                + "\",\"toBlock\":\"0x" + Long.toHexString(to) + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(logs.node())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        try (InputStream in = response.body()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                bytes += read;
            }
        }
        if (response.statusCode() != 200) {
            throw new IOException("eth_getLogs " + from + ".." + to + " answered HTTP " + response.statusCode());
        }
        return bytes;
    }
}
