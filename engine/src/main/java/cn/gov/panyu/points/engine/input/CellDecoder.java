package cn.gov.panyu.points.engine.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a cell's bytes into text in the file's encoding and notices bytes that the encoding cannot
 * decode.
 *
 * <p>A CSV without a BOM is read as UTF-8 <em>optimistically</em>: the first cell that is not strict
 * UTF-8 throws {@link NotUtf8} and the caller starts over as GB18030 (what Chinese Excel saves). That is
 * exactly "the file is UTF-8 iff all of it is valid UTF-8", because every byte of a CSV lies in some cell
 * or is an ASCII delimiter, and every cell passes through here — yet it costs no separate pass over a
 * 200 MB file. Byte-level CSV splitting is safe in both encodings: ',', '"', CR and LF never occur inside
 * a multi-byte GBK/GB18030 or UTF-8 character.
 */
final class CellDecoder {

    /** Signals "this file is not UTF-8"; carries no stack trace because it is control flow. */
    static final class NotUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotUtf8 INSTANCE = new NotUtf8();

        private NotUtf8() {
            super("not UTF-8", null, false, false);
        }
    }

    static final Charset GB18030 = Charset.forName("GB18030");

    /** A cell whose bytes are not text in the file's encoding; the one wording of both table readers. */
    static final Problem UNDECODABLE = new Problem("含无法识别的字符（文件应为 UTF-8 或 GBK 编码）",
            "contains bytes that are not text in the file's encoding (it should be UTF-8 or GBK)");

    private final Charset charset;
    private final boolean optimistic;
    /** Set by the last {@link #decode} when bytes did not decode (only in non-optimistic modes). */
    private boolean malformed;

    private CellDecoder(Charset charset, boolean optimistic) {
        this.charset = charset;
        this.optimistic = optimistic;
    }

    /** UTF-8 without a BOM: guess UTF-8, throw {@link NotUtf8} on the first invalid cell. */
    static CellDecoder utf8Guess() {
        return new CellDecoder(StandardCharsets.UTF_8, true);
    }

    /** A fixed encoding (UTF-8 announced by a BOM, GB18030 after a failed guess, XLSX text). */
    static CellDecoder fixed(Charset charset) {
        return new CellDecoder(charset, false);
    }

    String decode(byte[] b, int from, int to) {
        malformed = false;
        String s = new String(b, from, to - from, charset);
        // decoders replace undecodable bytes with U+FFFD; only then is the strict (slow) check needed
        if (s.indexOf('\uFFFD') >= 0 && !strictlyValid(b, from, to)) {
            if (optimistic) {
                throw NotUtf8.INSTANCE;
            }
            malformed = true;
        }
        return s;
    }

    /** Checks bytes that are not otherwise decoded (ignored columns); ASCII needs no decoding. */
    void validate(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                decode(b, from, to);
                return;
            }
        }
        malformed = false;
    }

    boolean malformed() {
        return malformed;
    }

    /**
     * True when these bytes are already the cell's trimmed text in UTF-8: the file is UTF-8, the bytes
     * are well-formed, and neither end is a character that {@link String#strip()} would remove. The
     * bytes can then be kept as they are, without a String made and encoded again — a million names
     * per file make that worth it. False means "decode to find out", never "invalid".
     */
    boolean isPlainUtf8(byte[] b, int from, int to) {
        return charset == StandardCharsets.UTF_8 && from < to && !mayBeUnicodeBlank(b[from])
                && !mayBeUnicodeBlank(b[lastCharStart(b, from, to)]) && wellFormedUtf8(b, from, to);
    }

    /**
     * Lead bytes E1–E3 start the only characters above ASCII that {@link Character#isWhitespace} accepts
     * (U+1680, U+2000–U+200A, U+2028/9, U+205F, U+3000 — the full-width space of Chinese input).
     * ASCII blanks were trimmed before.
     */
    private static boolean mayBeUnicodeBlank(byte lead) {
        int c = lead & 0xFF;
        return c >= 0xE1 && c <= 0xE3;
    }

    private static int lastCharStart(byte[] b, int from, int to) {
        int i = to - 1;
        while (i > from && i > to - 4 && (b[i] & 0xC0) == 0x80) {
            i--;
        }
        return i;
    }

    /** Strict UTF-8 (Unicode table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF. */
    static boolean wellFormedUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < to) {
                // the common case in Chinese text (U+1000–U+FFFF but the surrogates): two continuation bytes
                if ((b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) {
                    return false;
                }
                i += 3;
                continue;
            }
            if (c < 0xC2 || c > 0xF4) {
                return false;
            }
            int continuation = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
            if (i + continuation >= to) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            int low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            int high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }

    private boolean strictlyValid(byte[] b, int from, int to) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
