package cn.gov.panyu.points.platform.contest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contest form as typed: groups one per line, criteria one per line as "名称 分值". The criteria's maximum
 * scores must add up to exactly 100, so that a criterion's maximum is also its weight and an expert's total is a
 * score out of 100 — the scale the screening list combines with the normalised points.
 */
public class ContestForm {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern CRITERION = Pattern.compile("^(.+?)[\\s,，:：|]+(\\d{1,3}(?:\\.\\d{1,2})?)$");

    private String name = "";
    private String year = "";
    private String expertWeight = "70";
    private String groups = "初创组\n成长组";
    private String criteria = "";

    /** The checked form: the values when {@link #ok()}, else a Chinese message per field. */
    record Checked(String name, int year, BigDecimal expertWeight, List<String> groups,
                   List<Map.Entry<String, BigDecimal>> criteria, Map<String, String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    Checked check() {
        Map<String, String> problems = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            problems.put("name", "大赛名称：必填，不超过200字");
        }
        int y = 0;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            y = 0;
        }
        if (y < 2000 || y > 2100) {
            problems.put("year", "举办年度：请填写四位年份，如 2026");
        }
        BigDecimal alpha = ContestForm.weight(expertWeight);
        if (alpha == null) {
            problems.put("expertWeight", "专家评分权重：0 至 100 之间的数，最多两位小数");
        }
        List<String> groupNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : lines(groups)) {
            if (line.length() > 50) {
                problems.put("groups", "参赛组别：每个组别名称不超过50字（" + line + "）");
            } else if (!seen.add(line)) {
                problems.put("groups", "参赛组别：「" + line + "」重复");
            } else {
                groupNames.add(line);
            }
        }
        if (groupNames.isEmpty() && !problems.containsKey("groups")) {
            problems.put("groups", "参赛组别：至少一个，每行一个，如“初创组”");
        }
        List<Map.Entry<String, BigDecimal>> criteriaList = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (String line : lines(criteria)) {
            Matcher m = CRITERION.matcher(line);
            BigDecimal max = m.matches() ? new BigDecimal(m.group(2)) : null;
            if (max == null || max.signum() <= 0 || m.group(1).strip().length() > 100) {
                problems.put("criteria", "评分标准：每行一项“名称 分值”，分值大于0，如“技术创新性 30”（" + line + "）");
                continue;
            }
            criteriaList.add(Map.entry(m.group(1).strip(), max));
            sum = sum.add(max);
        }
        if (!problems.containsKey("criteria")) {
            if (criteriaList.isEmpty()) {
                problems.put("criteria", "评分标准：至少一项，每行“名称 分值”");
            } else if (sum.compareTo(HUNDRED) != 0) {
                problems.put("criteria", "评分标准：各项分值合计须为 100，现为 " + sum.stripTrailingZeros().toPlainString());
            }
        }
        return new Checked(n, y, alpha, groupNames, criteriaList, problems);
    }

    /** α as typed: a number from 0 to 100 with at most two decimals, else null. */
    static BigDecimal weight(String text) {
        try {
            BigDecimal w = new BigDecimal(text == null ? "" : text.strip());
            return w.signum() < 0 || w.compareTo(HUNDRED) > 0 || w.stripTrailingZeros().scale() > 2 ? null : w;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getExpertWeight() {
        return expertWeight;
    }

    public void setExpertWeight(String expertWeight) {
        this.expertWeight = expertWeight;
    }

    public String getGroups() {
        return groups;
    }

    public void setGroups(String groups) {
        this.groups = groups;
    }

    public String getCriteria() {
        return criteria;
    }

    public void setCriteria(String criteria) {
        this.criteria = criteria;
    }
}
