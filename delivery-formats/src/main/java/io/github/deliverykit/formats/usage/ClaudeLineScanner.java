package io.github.deliverykit.formats.usage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A validating byte scanner for the common shape of a Claude Code log line, in front of Jackson: it
 * reads the fields {@link ClaudeCodeLogs} maps ({@code type}, {@code timestamp}, {@code sessionId},
 * {@code gitBranch}, {@code requestId}, {@code message.id}, {@code .model}, {@code .usage}'s four token
 * counts) straight from the UTF-8 bytes, and checks the rest of the line against the JSON grammar while
 * skipping it. It only accepts what it can prove Jackson reads alike; on anything else it answers false
 * and the line goes to the Jackson path, which then gives the record or names the problem. Doubtful:
 * <ul>
 * <li>anything that is not strict JSON (RFC 8259): comments, single quotes, leading zeros, trailing
 *     commas, control characters in strings, bad escapes, a second value on the line, a byte order mark;
 * <li>malformed or not shortest-form UTF-8, or an escaped surrogate, anywhere;
 * <li>an escape or a byte outside printable ASCII in a field name, or in a value it reads;
 * <li>a value it reads of another type than the usual one (e.g. a number as {@code type}, a negative,
 *     fractional or 19-digit token count), and any field it reads given twice in one object;
 * <li>nesting deeper than {@value #MAX_DEPTH}, a field name over {@value #MAX_NAME} bytes, a number
 *     over {@value #MAX_NUMBER} characters, a line over {@value #MAX_LINE} bytes (well inside Jackson's
 *     limits, which would otherwise reject what this accepts).
 * </ul>
 * Whitespace between tokens is space, tab and carriage return (a line holds no newline). Not thread
 * safe: one {@link ClaudeCodeLogs.Fields} per thread.
 */
final class ClaudeLineScanner {

    static final int MAX_DEPTH = 64;
    static final int MAX_NAME = 256;
    static final int MAX_NUMBER = 64;
    static final int MAX_LINE = 1 << 22;
    /** The token counts read: up to 18 digits (below 2^63). */
    static final int MAX_DIGITS = 18;

    /** What is read at each level (0: an object whose fields are all skipped). */
    private static final int TOP = 1;
    private static final int MESSAGE = 2;
    private static final int USAGE = 3;

    // the fields read, per level
    private static final int TYPE = 1;
    private static final int TIMESTAMP = 2;
    private static final int SESSION = 3;
    private static final int BRANCH = 4;
    private static final int REQUEST = 5;
    private static final int MESSAGE_FIELD = 6;
    private static final int ID = 1;
    private static final int MODEL = 2;
    private static final int USAGE_FIELD = 3;
    private static final int INPUT = 1;
    private static final int OUTPUT = 2;
    private static final int CACHE_WRITE = 3;
    private static final int CACHE_READ = 4;


    /** A byte's class in a string: 0 plain ASCII, 1 quote, 2 backslash, 3 control, 4 the start of a multi-byte character. */
    private static final byte[] STRING_CLASS = new byte[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            STRING_CLASS[c] = 3;
        }
        STRING_CLASS['"'] = 1;
        STRING_CLASS['\\'] = 2;
        for (int c = 0x80; c < 0x100; c++) {
            STRING_CLASS[c] = 4;
        }
    }

    private ClaudeLineScanner() {}

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Scans the line that starts at {@code from} and ends before the next newline or at {@code limit}
     * into {@code f} (reset first).
     *
     * @return the line's end (its newline, or {@code limit}) when {@code f} holds exactly what the Jackson
     *     path reads from the line; -1 when the line is doubtful ({@code f} is then undefined)
     */
    static int scan(byte[] b, int from, int limit, ClaudeCodeLogs.Fields f) {
        f.reset();
        int i = ws(b, from, limit);
        if (i >= limit || b[i] != '{') {
            return -1;
        }
        i = object(b, i + 1, limit, f, TOP, 1);
        if (i < 0) {
            return -1;
        }
        i = ws(b, i, limit);
        return (i == limit || b[i] == '\n') && i - from <= MAX_LINE ? i : -1;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    /**
     * The high bit of each byte of {@code v} (little-endian) that is a quote, a backslash, a control
     * character or over 0x7F, and maybe of bytes above the lowest such one: the word is 0 exactly when no
     * byte is special, and the lowest flagged byte is the lowest special one. For a byte below 0x80 with no
     * borrow from below, {@code x - 1} has its high bit set only for {@code x == 0} (a quote or a backslash
     * after the XOR) and {@code v - 0x20} only below 0x20; a byte over 0x7F is flagged by {@code v} itself;
     * and a borrow only starts at a flagged byte and runs upwards. (The usual {@code & ~x} terms, which clear
     * the bytes over 0x7F, are left out: those bytes are flagged anyway.) {@link #special} holds the same
     * expression written out (checked against this by the tests).
     */
    static long specials(long v) {
        long q = v ^ 0x2222222222222222L; // a quote becomes 0
        long s = v ^ 0x5C5C5C5C5C5C5C5CL; // a backslash becomes 0
        return ((q - ONES) | (s - ONES) | (v - 0x2020202020202020L) | v) & HIGH;
    }

    /**
     * The first byte at or after {@code i} that is a quote, a backslash, a control character or over 0x7F; or {@code to}.
     * The word test is {@link #specials} written out (C1, the launcher's compiler, inlines only methods of up to
     * 35 bytes of bytecode, and this loop runs per word of every string), and the flagged byte is found by
     * {@link #lowestFlagged} (C1 has no intrinsic for {@code Long.numberOfTrailingZeros}).
     */
    static int special(byte[] b, int i, int to) {
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i);
            long q = v ^ 0x2222222222222222L;
            long s = v ^ 0x5C5C5C5C5C5C5C5CL;
            long t = ((q - ONES) | (s - ONES) | (v - 0x2020202020202020L) | v) & HIGH;
            if (t != 0) {
                return i + lowestFlagged(t);
            }
        }
        for (; i < to; i++) {
            if (STRING_CLASS[b[i] & 0xFF] != 0) {
                return i;
            }
        }
        return to;
    }

    /**
     * The index (0 to 7, little-endian) of the lowest byte whose high bit is set in {@code t}, a non-zero word of
     * high bits only: {@code Long.numberOfTrailingZeros(t) >>> 3}, by a multiplication. The lowest set bit
     * {@code t & -t} is {@code 0x80 << 8k}; shifted down to {@code 1 << 8k} it multiplies the constant (whose byte
     * {@code 7 - k} is {@code k}) into a shift by {@code 8k}, which brings byte {@code 7 - k}, that is k, to the top.
     */
    static int lowestFlagged(long t) {
        return (int) ((((t & -t) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** {@link #ws}, without a call where there is no white space (compact JSON). */
    private static int sp(byte[] b, int i, int to) {
        return i < to && b[i] <= ' ' ? ws(b, i, to) : i;
    }

    /** The index of the first byte at or after {@code i} that is not white space. */
    private static int ws(byte[] b, int i, int to) {
        while (i < to) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * An object after its {@code '{'}, the fields of {@code level} read into {@code f}, at nesting
     * {@code depth}: the index after its {@code '}'}, or -1.
     */
    private static int object(byte[] b, int i, int to, ClaudeCodeLogs.Fields f, int level, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = sp(b, i, to);
        if (i < to && b[i] == '}') {
            return i + 1;
        }
        int read = 0; // the fields of this object read so far, one bit each
        int field = 0; // the position of the next field in this object
        while (true) {
            if (i >= to || b[i] != '"') {
                return -1;
            }
            int name = i + 1;
            Key[] names = null;
            int slot = 0;
            Key hit = null;
            if (level != 0 && field < NAMES) {
                // the names at this position on the last lines: Claude Code writes its fields in one order
                names = f.names;
                slot = (level * NAMES + field) * 2;
                Key k = names[slot];
                if (k != null) {
                    // Key.at written out (C1 inlines only methods of up to 35 bytes of bytecode; this runs per field),
                    // and for a name of 9 to 16 bytes (most of them) its one further word compared here, not in rest
                    int n = k.bytes.length;
                    if (name + n < to && b[name + n] == '"' && (n >= 8 || name + 8 <= b.length)
                            && ((long) LONGS.get(b, name) & k.mask) == k.first
                            && (n <= 8 || (n <= 16 ? (long) LONGS.get(b, name + n - 8) == k.words[0] : k.rest(b, name)))) {
                        hit = k;
                    }
                }
                if (hit == null && names[slot + 1] != null && names[slot + 1].at(b, name, to)) {
                    hit = remember(names, slot, names[slot + 1]);
                }
            }
            int end;
            int kind;
            if (hit != null) {
                end = name + hit.bytes.length;
                kind = hit.kind;
            } else {
                end = plain(b, name, to); // an escape or a byte over 0x7F in a name: doubtful
                if (end < 0 || end - name > MAX_NAME) {
                    return -1;
                }
                kind = level == 0 ? 0 : kind(level, b, name, end - name);
                if (names != null) {
                    remember(names, slot, new Key(Arrays.copyOfRange(b, name, end), kind));
                }
            }
            field++;
            // compact JSON first: the colon right after the name (white space is looked for only where it is not)
            i = end + 1;
            if (i >= to || b[i] != ':') {
                i = ws(b, i, to);
                if (i >= to || b[i] != ':') {
                    return -1;
                }
            }
            i = sp(b, i + 1, to);
            if (i >= to) {
                return -1;
            }
            if (kind != 0) {
                int bit = 1 << kind;
                if ((read & bit) != 0) {
                    return -1; // given twice: Jackson keeps the last, with what the first left behind
                }
                read |= bit;
            }
            if (b[i] == '"' && (kind == 0 || text(level, kind))) {
                // a string, skipped or read: the word loop of special written out (C1 would call it, and most values
                // are short strings)
                int j = i + 1;
                long t = 0;
                for (; j + 8 <= to; j += 8) {
                    long v = (long) LONGS.get(b, j);
                    long q = v ^ 0x2222222222222222L;
                    long s = v ^ 0x5C5C5C5C5C5C5C5CL;
                    t = ((q - ONES) | (s - ONES) | (v - 0x2020202020202020L) | v) & HIGH;
                    if (t != 0) {
                        break;
                    }
                }
                j = t != 0 ? j + lowestFlagged(t) : special(b, j, to);
                if (j < to && b[j] == '"') {
                    if (kind != 0) {
                        text(b, i + 1, j - i - 1, f, level, kind);
                    }
                    i = j + 1;
                } else {
                    // a skipped string is checked on from its first escape or other special byte; a read one is doubtful
                    i = kind == 0 ? string(b, j, to) : -1;
                }
            } else if (kind == 0) {
                i = skip(b, i, to, depth);
            } else {
                i = level == USAGE ? tokens(b, i, to, f, kind) : value(b, i, to, f, level, kind, depth);
            }
            if (i < 0) {
                return -1;
            }
            // the comma right after the value, else white space and the comma or the end of the object
            if (i >= to || b[i] != ',') {
                i = ws(b, i, to);
                if (i >= to) {
                    return -1;
                }
                if (b[i] == '}') {
                    return i + 1;
                }
                if (b[i] != ',') {
                    return -1;
                }
            }
            i = sp(b, i + 1, to);
        }
    }

    /** Puts {@code k} first of the two names remembered at {@code names[slot]}, the first one second. */
    private static Key remember(Key[] names, int slot, Key k) {
        names[slot + 1] = names[slot];
        names[slot] = k;
        return k;
    }

    /**
     * What the field name {@code b[at, at + n)} means on {@code level}, or 0. The name is compared with each
     * candidate of its length word by word (C1 would not inline a per-candidate method, and compares bytes
     * one at a time): its first eight bytes (a shorter name masked, read past its end inside the array), then
     * the next eight and so on, the last word read ending at the name's end.
     */
    private static int kind(int level, byte[] b, int at, int n) {
        if (n >= LONGEST) {
            return 0;
        }
        Key[] keys = KEYS[level][n];
        if (keys == null) {
            return 0;
        }
        if (n < 8 && at + 8 > b.length) {
            // a name of fewer than eight bytes this near the end cannot be a read one on a well-formed line (the
            // shortest rest after one is '":""}' or, for message.id, '":""}}'): the line is doubtful anyway
            return 0;
        }
        long word = firstWord(b, at, n);
        for (Key k : keys) {
            if (k.matches(b, at, word)) {
                return k.kind;
            }
        }
        return 0;
    }

    /**
     * The first eight bytes of the name {@code b[at, at + n)} as a little-endian word, a shorter name masked to
     * its bytes (read past its end: the caller checks that eight bytes lie in the array).
     */
    private static long firstWord(byte[] b, int at, int n) {
        long w = (long) LONGS.get(b, at);
        return n >= 8 ? w : w & ((1L << (n << 3)) - 1);
    }

    /**
     * A field name read on some level: its first eight bytes as one little-endian word (a shorter name in
     * the low bytes), and for a longer one the words at 8, 16, ... and the last eight bytes.
     */
    static final class Key {
        final byte[] bytes;
        final int kind;
        final long first;
        /** The bytes of {@link #first} that are the name's (all for a name of eight bytes or more). */
        final long mask;
        final long[] words;

        Key(String name, int kind) {
            this(ascii(name), kind);
        }

        Key(byte[] name, int kind) {
            this.bytes = name;
            this.kind = kind;
            int n = bytes.length;
            long w = 0;
            for (int k = Math.min(n, 8) - 1; k >= 0; k--) {
                w = w << 8 | (bytes[k] & 0xFF);
            }
            this.first = w;
            this.mask = n >= 8 ? -1L : (1L << (n << 3)) - 1;
            int more = n <= 8 ? 0 : (n - 1) / 8; // the words after the first, the last one ending at n
            words = new long[more];
            for (int j = 1; j <= more; j++) {
                words[j - 1] = (long) LONGS.get(bytes, Math.min(8 * j, n - 8));
            }
        }

        /** Whether {@code b[at, to)} starts with this name and its closing quote. */
        boolean at(byte[] b, int at, int to) {
            int n = bytes.length;
            if (at + n >= to || b[at + n] != '"') {
                return false;
            }
            // near the array's end the slow path reads a short name
            return (n >= 8 || at + 8 <= b.length) && matches(b, at, firstWord(b, at, n));
        }

        /** Whether the name of this key's length at {@code at}, whose first word is {@code word}, is this one. */
        boolean matches(byte[] b, int at, long word) {
            return word == first && (bytes.length <= 8 || rest(b, at));
        }

        /** Whether the name of this key's length at {@code at} equals it past the first word (a name over 8 bytes). */
        boolean rest(byte[] b, int at) {
            long[] w = words;
            int n = bytes.length;
            for (int j = 1; j <= w.length; j++) {
                if ((long) LONGS.get(b, at + Math.min(8 * j, n - 8)) != w[j - 1]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The field positions per level whose last two names are remembered ({@link ClaudeCodeLogs.Fields#names}). */
    static final int NAMES = 32;

    /** One more than the longest name read. */
    private static final int LONGEST = 28;
    /** The names read, by level and length. */
    private static final Key[][][] KEYS = new Key[USAGE + 1][LONGEST][];

    static {
        Key[][] keys = {{}, {new Key("timestamp", TIMESTAMP), new Key("sessionId", SESSION), new Key("gitBranch", BRANCH),
            new Key("requestId", REQUEST), new Key("type", TYPE), new Key("message", MESSAGE_FIELD)},
            {new Key("id", ID), new Key("model", MODEL), new Key("usage", USAGE_FIELD)},
            {new Key("input_tokens", INPUT), new Key("output_tokens", OUTPUT),
                new Key("cache_creation_input_tokens", CACHE_WRITE), new Key("cache_read_input_tokens", CACHE_READ)}};
        for (int level = TOP; level <= USAGE; level++) {
            for (Key k : keys[level]) {
                Key[] same = KEYS[level][k.bytes.length];
                same = same == null ? new Key[1] : Arrays.copyOf(same, same.length + 1);
                same[same.length - 1] = k;
                KEYS[level][k.bytes.length] = same;
            }
        }
    }

    /** Whether the field {@code kind} of {@code level} (not 0) holds a string: all but message, usage and the counts. */
    private static boolean text(int level, int kind) {
        return level == TOP ? kind != MESSAGE_FIELD : level == MESSAGE && kind != USAGE_FIELD;
    }

    /** The string {@code b[at, at + n)} (printable ASCII, no escapes) of the text field {@code kind} read into {@code f}. */
    private static void text(byte[] b, int at, int n, ClaudeCodeLogs.Fields f, int level, int kind) {
        if (level == TOP) {
            switch (kind) {
                case TYPE -> f.type = f.scanned(0, b, at, n);
                case TIMESTAMP -> timestamp(b, at, n, f);
                case SESSION -> f.sessionId = f.scanned(1, b, at, n);
                case BRANCH -> f.gitBranch = f.scanned(2, b, at, n);
                default -> f.requestId.set(b, at, n);
            }
        } else if (kind == MODEL) {
            f.model = f.scanned(3, b, at, n);
        } else {
            f.messageId.set(b, at, n);
        }
    }

    /**
     * A value of the top or the message level read into {@code f} that is not a string: message or usage (an
     * object, or null), or null for a text field; the index after it, or -1 (any other value is doubtful).
     */
    private static int value(byte[] b, int i, int to, ClaudeCodeLogs.Fields f, int level, int kind, int depth) {
        if (!text(level, kind) && b[i] == '{') {
            if (level == MESSAGE) {
                f.usage = true;
            }
            return object(b, i + 1, to, f, level + 1, depth + 1);
        }
        return literal(b, i, to, NULL); // null: no message, no usage, or what reset() left
    }

    /** The end (its closing quote) of a string of printable ASCII without escapes from {@code i}, or -1. */
    private static int plain(byte[] b, int i, int to) {
        int e = special(b, i, to);
        return e < to && b[e] == '"' ? e : -1;
    }

    private static void timestamp(byte[] b, int at, int n, ClaudeCodeLogs.Fields f) {
        if (ClaudeCodeLogs.usualInstant(b, at, n, f.days, f)) {
            return;
        }
        f.timestamp = new String(b, at, n, StandardCharsets.ISO_8859_1);
        f.hasTime = true;
    }

    /** A token count: null (0) or a whole number of at most {@value #MAX_DIGITS} digits; else -1. */
    private static int tokens(byte[] b, int i, int to, ClaudeCodeLogs.Fields f, int kind) {
        long v = 0;
        int end;
        if (b[i] == 'n') {
            end = literal(b, i, to, NULL);
        } else {
            end = i;
            while (end < to && b[end] >= '0' && b[end] <= '9') {
                v = v * 10 + (b[end] - '0');
                end++;
            }
            int digits = end - i;
            if (digits == 0 || digits > MAX_DIGITS || digits > 1 && b[i] == '0') {
                return -1;
            }
        }
        switch (kind) {
            case INPUT -> f.input = v;
            case OUTPUT -> f.output = v;
            case CACHE_WRITE -> f.cacheWrite = v;
            default -> f.cacheRead = v;
        }
        return end;
    }

    private static final java.lang.invoke.VarHandle INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** {@code null}, {@code true} and the first four bytes of {@code false} as little-endian words. */
    private static final int NULL = 'n' | 'u' << 8 | 'l' << 16 | 'l' << 24;
    private static final int TRUE = 't' | 'r' << 8 | 'u' << 16 | 'e' << 24;
    private static final int FALS = 'f' | 'a' << 8 | 'l' << 16 | 's' << 24;

    /**
     * The literal whose first four bytes are {@code word} ({@code null} or {@code true}, or with an {@code e}
     * after them {@code false}) at {@code i}: the index after it, or -1. One word compared, not a byte at a time.
     */
    private static int literal(byte[] b, int i, int to, int word) {
        if (to - i < 4 || (int) INTS.get(b, i) != word) {
            return -1;
        }
        if (word != FALS) {
            return i + 4;
        }
        return i + 4 < to && b[i + 4] == 'e' ? i + 5 : -1;
    }

    /** Skips any JSON value at {@code i} (nested in {@code depth} containers): the index after it, or -1. */
    private static int skip(byte[] b, int i, int to, int depth) {
        switch (b[i]) {
            case '"':
                return string(b, i + 1, to);
            case '{':
                return object(b, i + 1, to, null, 0, depth + 1);
            case '[':
                return array(b, i + 1, to, depth + 1);
            case 't':
                return literal(b, i, to, TRUE);
            case 'f':
                return literal(b, i, to, FALS);
            case 'n':
                return literal(b, i, to, NULL);
            default:
                return number(b, i, to);
        }
    }

    private static int array(byte[] b, int i, int to, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = sp(b, i, to);
        if (i < to && b[i] == ']') {
            return i + 1;
        }
        while (i < to) {
            i = skip(b, i, to, depth);
            if (i < 0) {
                return -1;
            }
            i = sp(b, i, to);
            if (i >= to) {
                return -1;
            }
            if (b[i] == ']') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = sp(b, i + 1, to);
        }
        return -1;
    }

    /** A number by the JSON grammar ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}): the index after it, or -1. */
    private static int number(byte[] b, int i, int to) {
        int j = i;
        if (b[j] == '-') {
            j++;
        }
        int d = digits(b, j, to);
        if (d == j || d > j + 1 && b[j] == '0') {
            return -1;
        }
        j = d;
        if (j < to && b[j] == '.') {
            d = digits(b, j + 1, to);
            if (d == j + 1) {
                return -1;
            }
            j = d;
        }
        if (j < to && (b[j] == 'e' || b[j] == 'E')) {
            j++;
            if (j < to && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            d = digits(b, j, to);
            if (d == j) {
                return -1;
            }
            j = d;
        }
        return j - i > MAX_NUMBER ? -1 : j;
    }

    private static int digits(byte[] b, int i, int to) {
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    /** A string after its opening quote, checked (escapes, control characters, UTF-8): the index after it, or -1. */
    private static int string(byte[] b, int i, int to) {
        while (true) {
            i = special(b, i, to);
            if (i >= to) {
                return -1;
            }
            switch (STRING_CLASS[b[i] & 0xFF]) {
                case 1:
                    return i + 1;
                case 2:
                    i = escape(b, i + 1, to);
                    break;
                case 4:
                    i = utf8(b, i, to);
                    break;
                default:
                    return -1;
            }
            if (i < 0) {
                return -1;
            }
        }
    }

    /** An escape after its backslash: the index after it, or -1 (unknown, short, or an escaped surrogate). */
    private static int escape(byte[] b, int i, int to) {
        if (i >= to) {
            return -1;
        }
        switch (b[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return i + 1;
            case 'u':
                if (to - i < 5) {
                    return -1;
                }
                int v = 0;
                for (int k = 1; k <= 4; k++) {
                    int h = Character.digit(b[i + k], 16);
                    if (h < 0) {
                        return -1;
                    }
                    v = v << 4 | h;
                }
                return v >= 0xD800 && v <= 0xDFFF ? -1 : i + 5;
            default:
                return -1;
        }
    }

    /**
     * A multi-byte UTF-8 character at {@code i} in its shortest form and not a surrogate (RFC 3629, which
     * Jackson's decoder accepts too): the index after it, or -1.
     */
    private static int utf8(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (to - i <= n) {
            return -1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < low || second > high) {
            return -1;
        }
        for (int k = 2; k <= n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return i + n + 1;
    }

    /**
     * Whether {@code b[at, at + n)} equals {@code same}: eight bytes at a time, the last word ending at {@code n}
     * (these are short texts, where {@code Arrays.equals} costs more in its checks than in comparing).
     */
    static boolean same(byte[] b, int at, int n, byte[] same) {
        if (same.length != n) {
            return false;
        }
        if (n < 8) {
            for (int k = 0; k < n; k++) {
                if (b[at + k] != same[k]) {
                    return false;
                }
            }
            return true;
        }
        for (int k = 0; k < n - 8; k += 8) {
            if ((long) LONGS.get(b, at + k) != (long) LONGS.get(same, k)) {
                return false;
            }
        }
        return (long) LONGS.get(b, at + n - 8) == (long) LONGS.get(same, n - 8);
    }
}
