package cn.gov.panyu.points.engine.generate;

import java.nio.charset.StandardCharsets;

/**
 * A fixed piece of text with its UTF-8 bytes encoded once: the CSV writer copies the bytes, so the
 * hot loop never encodes a Chinese string.
 */
record Word(String text, byte[] utf8) {

    static Word of(String text) {
        return new Word(text, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Splits a blank-separated list, the readable way to write the word tables. */
    static Word[] list(String blankSeparated) {
        String[] parts = blankSeparated.trim().split("\\s+");
        Word[] words = new Word[parts.length];
        for (int i = 0; i < parts.length; i++) {
            words[i] = of(parts[i]);
        }
        return words;
    }

    /** One word per character, for trade names composed character by character; blanks are ignored. */
    static Word[] characters(String chars) {
        return chars.codePoints().filter(c -> !Character.isWhitespace(c))
                .mapToObj(Character::toString).map(Word::of).toArray(Word[]::new);
    }
}
