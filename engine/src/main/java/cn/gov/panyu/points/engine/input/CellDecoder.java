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
