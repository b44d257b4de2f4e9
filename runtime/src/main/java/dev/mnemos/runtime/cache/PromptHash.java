package dev.mnemos.runtime.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A fast 64-bit hash of a prompt, for the cache's table and the trace's prompt hash. Not
 * cryptographic: equal hashes are always confirmed by comparing the text.
 *
 * <p>{@link String#hashCode()} walks a 2 KB prompt one character at a time on a serial chain of
 * multiplications; this reads eight bytes at a time into four independent lanes.
 */
public final class PromptHash {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;
    private static final long M3 = 0x165667B19E3779F9L;
    private static final long M4 = 0xD6E8FEB86659FD93L;

    private PromptHash() {}

    public static long of(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        long h1 = 1, h2 = 2, h3 = 3, h4 = 4;
        long questionMarks = 0; // SWAR: a high bit set where a byte may be '?'
        int i = 0;
        int n = b.length;
        for (; i + 32 <= n; i += 32) {
            long a = (long) LONGS.get(b, i);
            long c = (long) LONGS.get(b, i + 8);
            long d = (long) LONGS.get(b, i + 16);
            long e = (long) LONGS.get(b, i + 24);
            h1 = (h1 ^ a) * M1;
            h2 = (h2 ^ c) * M2;
            h3 = (h3 ^ d) * M3;
            h4 = (h4 ^ e) * M4;
            questionMarks |= zeroBytes(a ^ QS) | zeroBytes(c ^ QS) | zeroBytes(d ^ QS) | zeroBytes(e ^ QS);
        }
        long h = Long.rotateLeft(h1, 1) + Long.rotateLeft(h2, 7) + Long.rotateLeft(h3, 12) + Long.rotateLeft(h4, 18);
        for (; i < n; i++) {
            h = (h ^ b[i]) * M1;
            if (b[i] == '?') questionMarks = 1;
        }
        h ^= n;
        // getBytes wrote '?' for each character beyond Latin-1; where one may have, mix in
        // String's own hash so that such characters still count
        if (questionMarks != 0 && !text.chars().allMatch(ch -> ch < 256)) h = (h ^ text.hashCode()) * M2;
        return mix(h);
    }

    /** The hash as 16 hexadecimal digits. */
    public static String hex(String text) {
        String s = Long.toHexString(of(text));
        return "0".repeat(16 - s.length()) + s;
    }

    private static final long QS = 0x3F3F3F3F3F3F3F3FL;

    /** Non-zero when some byte of v is zero (the classic bit trick; may flag more, never fewer). */
    private static long zeroBytes(long v) {
        return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
