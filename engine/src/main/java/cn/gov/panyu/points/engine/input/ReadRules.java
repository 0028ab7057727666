package cn.gov.panyu.points.engine.input;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a reader checks beyond the fixed format: the evaluation year and the allowed towns. Both come
 * from the scoring model, not from the reader, so they are passed in.
 *
 * @param year  the evaluation year Y; a record's {@code established} must not be after 31 Dec Y
 * @param towns the allowed {@code town} values, in the order messages should list them
 * @param cultivationColumns whether the header may also hold the pre-assessment's columns
 *              ({@link CultivationField}); the record readers then skip them, and
 *              {@link CultivationReader} reads them. {@code evaluate} keeps them unknown columns.
 */
public record ReadRules(int year, Set<String> towns, boolean cultivationColumns) {

    /** The 16 towns and streets of Panyu district (镇街), as listed in the domain notes. */
    static final List<String> PANYU_TOWNS = List.of(
            "市桥街道", "沙头街道", "东环街道", "桥南街道", "小谷围街道", "大石街道", "洛浦街道", "石壁街道",
            "钟村街道", "大龙街道", "沙湾街道", "南村镇", "新造镇", "化龙镇", "石楼镇", "石碁镇");

    public ReadRules(int year, Set<String> towns) {
        this(year, towns, false);
    }

    public ReadRules {
        if (year < 1900 || year > 9998) {
            throw new IllegalArgumentException("evaluation year out of range: " + year);
        }
        Objects.requireNonNull(towns, "towns");
        if (towns.isEmpty()) {
            throw new IllegalArgumentException("at least one town is required");
        }
        // keep the caller's order (messages list the towns) but not the caller's mutable set
        towns = Collections.unmodifiableSet(new LinkedHashSet<>(towns));
    }

    /** The same rules, with the pre-assessment's columns allowed in the header. */
    public ReadRules withCultivationColumns() {
        return new ReadRules(year, towns, true);
    }

    /** Rules for Panyu's 16 towns — a convenience for tests and demos; production passes the model's list. */
    public static ReadRules panyu(int year) {
        return new ReadRules(year, new LinkedHashSet<>(PANYU_TOWNS));
    }
}
