package cn.gov.panyu.points.engine.quality;

import java.util.ArrayList;
import java.util.List;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;

/**
 * Figures that cannot both be true: a part larger than its whole. Equal is possible (every employee does
 * R&amp;D, all revenue is high-tech, every class Ⅰ IP was granted this year) and is not flagged. The flag is
 * on the part — the figure a reviewer usually finds wrong — with the whole among its facts.
 */
public final class ImpossibleCombinations {

    /** A part that may not exceed its whole. */
    public record Pair(InputField part, InputField whole) {
    }

    public static final List<Pair> PAIRS = List.of(new Pair(InputField.RD_STAFF, InputField.EMPLOYEES),
            new Pair(InputField.HITECH_REVENUE, InputField.REVENUE_Y0),
            new Pair(InputField.INVENTION_GRANTED, InputField.IP_CLASS1));

    private ImpossibleCombinations() {
    }

    public static List<Flag> find(List<EnterpriseRecord> records) {
        List<Flag> flags = new ArrayList<>();
        for (EnterpriseRecord r : records) {
            for (Pair p : PAIRS) {
                Flag f = check(r.uscc(), p, r.value(p.part()), r.value(p.whole()));
                if (f != null) {
                    flags.add(f);
                }
            }
        }
        return flags;
    }

    static Flag check(String uscc, Pair p, double part, double whole) {
        if (Double.isNaN(part) || Double.isNaN(whole) || !(part > whole)) {
            return null;
        }
        String reason = p.part().label() + " " + Numbers.withUnit(p.part(), part) + " 大于" + p.whole().label() + " "
                + Numbers.withUnit(p.whole(), whole) + "，二者不可能同时成立，请核对";
        List<Fact> facts = List.of(new Fact(p.part().label(), Numbers.plain(part)),
                new Fact(p.whole().label(), Numbers.plain(whole)), new Fact("超出", Numbers.figure(p.part(), part - whole)));
        double excess = (part - whole) / Math.max(whole, 1);
        return new Flag(uscc, p.part().key(), Numbers.plain(part), Rule.IMPOSSIBLE, reason, facts,
                Severity.impossible(excess));
    }
}
