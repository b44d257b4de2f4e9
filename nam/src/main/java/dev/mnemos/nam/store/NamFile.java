package dev.mnemos.nam.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The container of every file nam saves: a magic number, a format version, the kind of content
 * (e.g. "model", "checkpoint"), the payload, and a CRC-32 of everything before it. Written
 * atomically ({@link AtomicWrite}); read back only when all of that checks out, otherwise refused
 * with a one-line {@link BadFileException} naming the file and the problem.
 *
 * <pre>
 *   "MNEMOSNAM\n" (10 bytes) | version (int) | kind (UTF) | payload length (int) | payload | CRC-32 (long)
 * </pre>
 */
public final class NamFile {

    static final byte[] MAGIC = "MNEMOSNAM\n".getBytes(StandardCharsets.US_ASCII);
    /** The format version this build writes and reads. */
    public static final int VERSION = 1;

    private NamFile() {
    }

    public static void write(Path file, String kind, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(kind);
        out.writeInt(payload.length);
        out.write(payload);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        AtomicWrite.write(file, bytes.toByteArray());
    }

    /** The kind of content {@code file} holds (checked for the header only, not the checksum). */
    public static String kind(Path file) throws IOException {
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAGIC.length + 4 + 2 + 65535);
        } catch (NoSuchFileException e) {
            throw new BadFileException(file, "no such file");
        }
        if (head.length < MAGIC.length || !ByteBuffer.wrap(head, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new BadFileException(file, "not a mnemos nam file (no MNEMOSNAM header)");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(head, MAGIC.length + 4, head.length - MAGIC.length - 4);
            int length = Short.toUnsignedInt(in.getShort());
            return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(head, in.position(), length)).toString();
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new BadFileException(file, "truncated (" + head.length + " bytes)");
        }
    }

    /** The payload of {@code file}, which must hold content of {@code kind}. */
    public static byte[] read(Path file, String kind) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadFileException(file, "no such file");
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        if (all.length < MAGIC.length || !ByteBuffer.wrap(all, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new BadFileException(file, "not a mnemos nam file (no MNEMOSNAM header)");
        }
        in.position(MAGIC.length);
        try {
            int version = in.getInt();
            if (version != VERSION) {
                throw new BadFileException(file, "format version " + version + ", this build reads version " + VERSION);
            }
            int kindLength = Short.toUnsignedInt(in.getShort());
            String found = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(all, in.position(), kindLength)).toString();
            in.position(in.position() + kindLength);
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - Long.BYTES) {
                throw new BadFileException(file, "truncated or damaged (payload of " + length + " bytes, "
                        + Math.max(0, in.remaining() - Long.BYTES) + " there)");
            }
            int end = in.position() + length;
            CRC32 crc = new CRC32();
            crc.update(all, 0, end);
            long stored = ByteBuffer.wrap(all, end, Long.BYTES).getLong();
            if (stored != crc.getValue() || end + Long.BYTES != all.length) {
                throw new BadFileException(file, "damaged (checksum mismatch)");
            }
            if (!found.equals(kind)) {
                throw new BadFileException(file, "holds kind '" + found + "', expected '" + kind + "'");
            }
            byte[] payload = new byte[length];
            System.arraycopy(all, in.position(), payload, 0, length);
            return payload;
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new BadFileException(file, "truncated (" + all.length + " bytes)");
        }
    }
}
