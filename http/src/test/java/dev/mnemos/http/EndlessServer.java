package dev.mnemos.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw-socket HTTP server that answers 200 and then never finishes: it trickles one byte of a
 * body it said is 10 MB long every 50 ms, or, for a streamed request, sends a valid chunk (NDJSON
 * or server-sent event) every 50 ms, forever. For tests that a timeout bounds the whole call.
 */
final class EndlessServer implements AutoCloseable {

    enum Mode { TRICKLE, OLLAMA_STREAM, OPENAI_STREAM }

    private final ServerSocket socket;
    private final Mode mode;
    private final List<Socket> open = new ArrayList<>();
    private final Thread acceptor;

    EndlessServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0);
        this.acceptor = new Thread(this::accept, "endless-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://localhost:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                synchronized (open) {
                    open.add(s);
                }
                Thread t = new Thread(() -> serve(s), "endless-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            readRequest(new BufferedInputStream(s.getInputStream()));
            OutputStream out = s.getOutputStream();
            String headers = mode == Mode.TRICKLE
                    ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Type: " + (mode == Mode.OPENAI_STREAM ? "text/event-stream" : "application/x-ndjson")
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!s.isClosed()) {
                out.write(piece());
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up
        }
    }

    private byte[] piece() {
        if (mode == Mode.TRICKLE) return new byte[] {' '};
        String data = mode == Mode.OLLAMA_STREAM
                ? "{\"model\":\"m\",\"created_at\":\"2025-10-17T23:14:07Z\",\"message\":{\"role\":\"assistant\",\"content\":\"a\"},\"response\":\"a\",\"done\":false}\n"
                : "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"a\"},\"text\":\"a\",\"finish_reason\":null}]}\n\n";
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        String chunk = Integer.toHexString(bytes.length) + "\r\n" + data + "\r\n";
        return chunk.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the request line, headers and a body of Content-Length bytes. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) break;
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Long.parseLong(line.substring(15).trim());
        }
        for (long i = 0; i < length && in.read() >= 0; i++) {
            // skip the body
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (open) {
            for (Socket s : open) s.close();
        }
    }
}
