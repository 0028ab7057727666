package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's own UTF-8 check decides whether a file is UTF-8 and whether a name's bytes are kept as
 * they are; it must say exactly what the JDK's strict decoder says, or a file is misread as GB18030 or a
 * malformed name is copied into the output.
 */
class CellDecoderTests {

    @Property(tries = 5000)
    void wellFormedUtf8AgreesWithTheStrictJdkDecoderOnArbitraryBytes(@ForAll("bytes") byte[] b) {
        assertThat(CellDecoder.wellFormedUtf8(b, 0, b.length)).as(HexFormat.ofDelimiter(" ").formatHex(b))
                .isEqualTo(jdkAccepts(b, 0, b.length));
    }

    @Property(tries = 2000)
    void wellFormedUtf8AgreesOnEverySliceOfArbitraryBytes(@ForAll("bytes") byte[] b, @ForAll int x, @ForAll int y) {
        // a slice may cut a character in two at either end: both ends must be respected
        int from = Math.floorMod(x, b.length + 1);
        int to = from + Math.floorMod(y, b.length - from + 1);
        assertThat(CellDecoder.wellFormedUtf8(b, from, to))
                .as("%s [%d, %d)", HexFormat.ofDelimiter(" ").formatHex(b), from, to)
                .isEqualTo(jdkAccepts(b, from, to));
    }

    @Property(tries = 3000)
    void acceptsTheUtf8OfEveryString(@ForAll("texts") String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(CellDecoder.wellFormedUtf8(b, 0, b.length)).as(text).isTrue();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        // mostly bytes of multi-byte sequences (lead and continuation bytes), so that the hard cases appear
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> high = Arbitraries.integers().between(0x80, 0xF5).map(i -> (byte) i.intValue());
        Arbitrary<Byte> leads = Arbitraries.of(0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5)
                .map(i -> (byte) i.intValue());
        Arbitrary<Byte> continuations = Arbitraries.of(0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF).map(i -> (byte) i.intValue());
        Arbitrary<Byte> ascii = Arbitraries.integers().between(0x20, 0x7E).map(i -> (byte) i.intValue());
        Arbitrary<Byte> one = Arbitraries.frequencyOf(
                Tuple.of(2, any), Tuple.of(4, high), Tuple.of(3, leads),
                Tuple.of(5, continuations), Tuple.of(2, ascii));
        Arbitrary<byte[]> random = one.array(byte[].class).ofMaxSize(12);
        // and valid text with one byte changed, the near misses
        Arbitrary<byte[]> damaged = texts().flatMap(t -> {
            byte[] valid = t.getBytes(StandardCharsets.UTF_8);
            if (valid.length == 0) {
                return Arbitraries.just(valid);
            }
            return Arbitraries.integers().between(0, valid.length - 1).flatMap(at -> one.map(v -> {
                byte[] changed = valid.clone();
                changed[at] = v;
                return changed;
            }));
        });
        return Arbitraries.oneOf(random, damaged);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(8);
        Arbitrary<String> cjk = Arbitraries.strings().withCharRange('\u4E00', '\u9FFF').withChars("（）·有限公司")
                .ofMaxLength(10);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF)
                .list().ofMaxSize(4).map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                });
        Arbitrary<String> edges = Arbitraries.of("\u007F", "\u0080", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFD",
                "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF", "😀", "𠀀");
        return Arbitraries.oneOf(bmp, cjk, supplementary, edges).list().ofMaxSize(4)
                .map(parts -> String.join("", parts));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "C0 AF", // overlong '/'
            "C1 BF", // overlong, C1 is never a lead byte
            "E0 80 AF", // overlong three-byte '/'
            "E0 9F BF", // overlong U+07FF
            "F0 8F BF BF", // overlong U+FFFF
            "ED A0 80", // surrogate U+D800
            "ED BF BF", // surrogate U+DFFF
            "F4 90 80 80", // U+110000, above the last code point
            "F5 80 80 80", // lead byte beyond F4
            "E4 BD", // truncated 你
            "E4 BD 41", // truncated, then ASCII
            "80", // a continuation byte alone
            "E4 BD A0 A0", // one continuation byte too many
            "F0 9F 98", // truncated emoji
            "FF", "FE"
    })
    void rejectsMalformedSequences(String hex) {
        byte[] b = HexFormat.ofDelimiter(" ").parseHex(hex);
        assertThat(jdkAccepts(b, 0, b.length)).as("the JDK agrees that %s is malformed", hex).isFalse();
        assertThat(CellDecoder.wellFormedUtf8(b, 0, b.length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "C2 80", "DF BF", "E0 A0 80", "ED 9F BF", "EE 80 80", "EF BF BF",
            "F0 90 80 80", "F4 8F BF BF", "E4 BD A0 E5 A5 BD"})
    void acceptsTheExtremesOfEachLength(String hex) {
        byte[] b = HexFormat.ofDelimiter(" ").parseHex(hex);
        assertThat(jdkAccepts(b, 0, b.length)).isTrue();
        assertThat(CellDecoder.wellFormedUtf8(b, 0, b.length)).isTrue();
    }

    @Test
    void looksOnlyAtTheSlice() {
        byte[] name = "广州美亿诺".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[name.length + 4];
        b[0] = (byte) 0xE4; // a truncated character just before the slice …
        b[1] = (byte) 0xBD;
        System.arraycopy(name, 0, b, 2, name.length);
        b[b.length - 2] = (byte) 0xFF; // … and invalid bytes just after it
        b[b.length - 1] = (byte) 0x80;
        assertThat(CellDecoder.wellFormedUtf8(b, 2, 2 + name.length)).isTrue();
        assertThat(CellDecoder.wellFormedUtf8(b, 0, 2 + name.length)).isFalse();
        assertThat(CellDecoder.wellFormedUtf8(b, 2, b.length)).isFalse();
        // a slice that ends inside the last character: 美亿诺 has three bytes each
        assertThat(CellDecoder.wellFormedUtf8(b, 2, 2 + name.length - 1)).isFalse();
        assertThat(CellDecoder.wellFormedUtf8(b, 3, 2 + name.length)).isFalse();
        assertThat(CellDecoder.wellFormedUtf8(b, 5, 5)).isTrue();
    }

    // ---------------------------------------------------------------- isPlainUtf8

    @ParameterizedTest
    @ValueSource(strings = {"广州美亿诺高分子材料股份有限公司", "ABC科技(广州)有限公司", "A", "番禺区 某某 有限公司", "😀表情公司",
            "公司\u00A0", "\u00A0公司"}) // U+00A0 is no blank to String.strip()
    void plainNamesAreKeptAsBytes(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        assertThat(CellDecoder.utf8Guess().isPlainUtf8(b, 0, b.length)).isTrue();
        assertThat(CellDecoder.fixed(StandardCharsets.UTF_8).isPlainUtf8(b, 0, b.length)).isTrue();
        assertThat(name.strip()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u3000广州某某有限公司", "广州某某有限公司\u3000", "\u2003公司", "公司\u2003", "\u1680公司",
            "公司\u1680", "\u2028公司", "公司\u205F", "\u3000"})
    void namesThatStartOrEndWithAUnicodeBlankAreDecoded(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        assertThat(name.strip()).isNotEqualTo(name);
        assertThat(CellDecoder.utf8Guess().isPlainUtf8(b, 0, b.length)).isFalse();
        assertThat(CellDecoder.fixed(StandardCharsets.UTF_8).isPlainUtf8(b, 0, b.length)).isFalse();
    }

    @Test
    void onlyUtf8FilesKeepTheirBytes() {
        byte[] b = "广州美亿诺高分子材料股份有限公司".getBytes(StandardCharsets.UTF_8);
        assertThat(CellDecoder.fixed(CellDecoder.GB18030).isPlainUtf8(b, 0, b.length)).isFalse();
        byte[] ascii = "ABC".getBytes(StandardCharsets.US_ASCII);
        assertThat(CellDecoder.fixed(CellDecoder.GB18030).isPlainUtf8(ascii, 0, ascii.length)).isFalse();
    }

    @Test
    void malformedOrEmptyBytesAreNotPlain() {
        byte[] truncated = HexFormat.ofDelimiter(" ").parseHex("E5 B9 BF E5 B7");
        assertThat(CellDecoder.utf8Guess().isPlainUtf8(truncated, 0, truncated.length)).isFalse();
        byte[] surrogate = HexFormat.ofDelimiter(" ").parseHex("41 ED A0 80 42");
        assertThat(CellDecoder.utf8Guess().isPlainUtf8(surrogate, 0, surrogate.length)).isFalse();
        assertThat(CellDecoder.utf8Guess().isPlainUtf8(new byte[0], 0, 0)).isFalse();
        // a continuation byte alone at the end: the search for the last character's start stops in time
        byte[] tail = HexFormat.ofDelimiter(" ").parseHex("41 80 80 80 80");
        assertThat(CellDecoder.utf8Guess().isPlainUtf8(tail, 0, tail.length)).isFalse();
    }

    @Property(tries = 3000)
    void plainBytesAreAlreadyTheStrippedText(@ForAll("cells") byte[] b) {
        CellDecoder decoder = CellDecoder.fixed(StandardCharsets.UTF_8);
        String text = new String(b, StandardCharsets.UTF_8);
        if (decoder.isPlainUtf8(b, 0, b.length)) {
            assertThat(text.strip()).as(text).isEqualTo(text);
            assertThat(text.getBytes(StandardCharsets.UTF_8)).as("round trip of %s", text).isEqualTo(b);
        } else if (!text.isEmpty() && text.strip().equals(text)) {
            // "decode to find out" only when an end character has a lead byte of E1–E3
            int first = text.codePointAt(0);
            int last = text.codePointBefore(text.length());
            assertThat(List.of(first, last)).as(text).anyMatch(c -> c >= 0x1000 && c <= 0x3FFF);
        }
        assertThat(CellDecoder.utf8Guess().isPlainUtf8(b, 0, b.length)).isEqualTo(decoder.isPlainUtf8(b, 0, b.length));
    }

    /** Cell bytes as the reader hands them over: names with blanks of several kinds, ASCII blanks trimmed. */
    @Provide
    Arbitrary<byte[]> cells() {
        Arbitrary<Character> c = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range('\u4E00', '\u9FFF')),
                Tuple.of(3, Arbitraries.chars().range('A', 'Z')),
                Tuple.of(2, Arbitraries.of(' ', '\u3000', '\u2003', '\u00A0', '\u1680', '\u2028', '\u2007')),
                Tuple.of(1, Arbitraries.of('\u3001', '\u3010', '\u1E00', '\u2014', '\t')));
        return c.list().ofMaxSize(10).map(chars -> {
            StringBuilder sb = new StringBuilder();
            chars.forEach(sb::append);
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            int from = 0;
            int to = b.length;
            while (from < to && (b[from] & 0xFF) <= ' ') {
                from++;
            }
            while (to > from && (b[to - 1] & 0xFF) <= ' ') {
                to--;
            }
            return Arrays.copyOfRange(b, from, to);
        });
    }

    private static boolean jdkAccepts(byte[] b, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
