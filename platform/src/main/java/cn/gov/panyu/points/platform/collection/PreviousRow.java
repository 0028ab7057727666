package cn.gov.panyu.points.platform.collection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state an import replaced, as {@code import_change.previous_row} text: {@code key=value;…} with
 * '\', ';' and '=' escaped (names and sets contain them). Keys are {@code source_record} columns,
 * {@value #ROW_MARK} when there was a row, {@value #IMPORT_ID} for the import that row came from, and
 * {@code @name}, {@code @town}, {@code @industry}, {@code @established} for the registry entry a 市场监管
 * import changed.
 */
final class PreviousRow {

    static final String ROW_MARK = "#row";
    static final String IMPORT_ID = "#import";

    private PreviousRow() {
    }

    static String entry(String key, String value) {
        return key + "=" + escape(value);
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder into = key;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                into.append(n == 's' ? ';' : n == 'e' ? '=' : n);
            } else if (c == '=' && into == key) {
                into = value;
            } else if (c == ';') {
                values.put(key.toString(), value.toString());
                key.setLength(0);
                value.setLength(0);
                into = key;
            } else {
                into.append(c);
            }
        }
        if (!key.isEmpty()) {
            values.put(key.toString(), value.toString());
        }
        return values;
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace(";", "\\s").replace("=", "\\e");
    }
}
