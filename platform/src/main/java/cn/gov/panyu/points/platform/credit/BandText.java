package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The factor bands of a product as text, one band "积分下限 = 系数" per line in the form and joined by ';' in
 * the database — one reader and one writer for both, so that a stored product reads back exactly.
 */
final class BandText {

    private static final String LABEL = "积分分档";

    private BandText() {
    }

    static String format(List<ProductRules.Band> bands, String separator) {
        StringJoiner j = new StringJoiner(separator);
        bands.forEach(b -> j.add(CreditRules.plain(b.from()) + " = " + CreditRules.plain(b.factor())));
        return j.toString();
    }

    /**
     * The bands of the text: "80 = 1.2", "80=1.2" or "80 1.2" (also with a full-width '＝'), separated by
     * lines or ';'; blank for none. Lower bounds strictly ascending, so that each total falls in one band.
     * Problems go to {@code field}, naming the band by its position.
     */
    static List<ProductRules.Band> parse(String text, String field, Map<String, String> problems) {
        List<ProductRules.Band> bands = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return bands;
        }
        int position = 0;
        for (String raw : text.split("[;；\\r\\n]+")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            position++;
            String where = LABEL + "第 " + position + " 项「" + item + "」";
            String[] parts = item.split("\\s*[=＝]\\s*|\\s+");
            if (parts.length != 2) {
                problems.put(field, where + "：应写成“积分下限 = 系数”，如 80 = 1.2");
                return List.of();
            }
            BigDecimal from = ProductForm.decimal(field, where + "的积分下限", parts[0], true, BigDecimal.ZERO,
                    ProductForm.MAX_TOTAL, problems);
            BigDecimal factor = ProductForm.decimal(field, where + "的系数", parts[1], true, new BigDecimal("0.01"),
                    ProductForm.MAX_FACTOR, problems);
            if (from == null || factor == null) {
                return List.of();
            }
            if (!bands.isEmpty() && from.compareTo(bands.get(bands.size() - 1).from()) <= 0) {
                problems.put(field, where + "：积分下限应高于上一项的 " + CreditRules.plain(bands.get(bands.size() - 1).from()));
                return List.of();
            }
            bands.add(new ProductRules.Band(from, factor));
        }
        if (bands.size() > ProductForm.MAX_BANDS) {
            problems.put(field, LABEL + "最多 " + ProductForm.MAX_BANDS + " 项");
            return List.of();
        }
        return bands;
    }
}
