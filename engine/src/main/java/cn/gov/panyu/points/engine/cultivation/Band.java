package cn.gov.panyu.points.engine.cultivation;

/** A score that expert judgement still moves: at least {@code min}, at most {@code max} points. */
public record Band(int min, int max) {

    static final Band ZERO = new Band(0, 0);

    public Band {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad band " + min + ".." + max);
        }
    }

    Band plus(Band other) {
        return new Band(min + other.min, max + other.max);
    }

    /** A part of the assessment with a ceiling (知识产权 ≤ 30 including the standards bonus). */
    Band cappedAt(int cap) {
        return new Band(Math.min(min, cap), Math.min(max, cap));
    }

    @Override
    public String toString() {
        return min == max ? min + " 分" : min + "–" + max + " 分";
    }
}
