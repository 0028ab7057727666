package cn.gov.panyu.points.engine.generate;

import java.util.Arrays;

/**
 * The 16 towns and streets of Panyu (README "Panyu facts") with how many of the district's scored
 * enterprises each one hosts, relative to the others.
 *
 * <p>The weights are this generator's assumption, not statistics: the university town (小谷围, home of
 * 广州大学城) and the dense northern areas of 大石 and 南村 (with the 万博 business district) are
 * busiest, the rural eastern towns quietest. Industries cluster on top of this (see
 * {@link IndustryProfile}).
 */
enum PanyuTown {
    SHIQIAO("市桥街道", 7),
    SHATOU("沙头街道", 5),
    DONGHUAN("东环街道", 6),
    QIAONAN("桥南街道", 5),
    XIAOGUWEI("小谷围街道", 11),
    DASHI("大石街道", 10),
    LUOPU("洛浦街道", 6),
    SHIBI("石壁街道", 5),
    ZHONGCUN("钟村街道", 7),
    DALONG("大龙街道", 5),
    SHAWAN("沙湾街道", 4),
    NANCUN("南村镇", 10),
    XINZAO("新造镇", 3),
    HUALONG("化龙镇", 5),
    SHILOU("石楼镇", 5),
    SHIJI("石碁镇", 6);

    private static final WeightedChoice<PanyuTown> BY_WEIGHT =
            new WeightedChoice<>(Arrays.asList(values()), t -> t.weight);

    private final Word name;
    private final double weight;

    PanyuTown(String name, double weight) {
        this.name = Word.of(name);
        this.weight = weight;
    }

    Word word() {
        return name;
    }

    String label() {
        return name.text();
    }

    static PanyuTown pick(double uniform) {
        return BY_WEIGHT.pick(uniform);
    }

    static PanyuTown byLabel(String label) {
        for (PanyuTown t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a Panyu town: " + label);
    }
}
