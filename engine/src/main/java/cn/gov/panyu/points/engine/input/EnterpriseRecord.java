package cn.gov.panyu.points.engine.input;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One enterprise's input for one evaluation year (scoring-spec §1), already validated.
 *
 * <p>Numbers are kept in one {@code double[]} indexed by {@link InputField#numericIndex()}; a missing
 * value is {@code NaN} — the spec distinguishes missing from 0, and NaN keeps a million records compact.
 * Instances are immutable; {@link #with(InputField, double)} returns a changed copy (for what-if).
 */
public final class EnterpriseRecord implements EnterpriseValues {

    private final String uscc;
    private final String name;
    private final String town;
    private final String industry;
    private final LocalDate established;
    private final double[] numbers;
    private final int qualifications;
    private final int negatives;

    private EnterpriseRecord(String uscc, String name, String town, String industry, LocalDate established,
                             double[] numbers, int qualifications, int negatives) {
        this.uscc = uscc;
        this.name = name;
        this.town = town;
        this.industry = industry;
        this.established = established;
        this.numbers = numbers;
        this.qualifications = qualifications;
        this.negatives = negatives;
    }

    public static Builder builder(String uscc) {
        return new Builder(uscc);
    }

    /**
     * For readers: takes ownership of {@code numbers} (indexed by {@link InputField#numericIndex()}) and
     * of the bit sets ({@code 1 << ordinal}), sparing a builder and two array copies per row — a million
     * rows are read in well under a second only if per-row work stays minimal.
     */
    static EnterpriseRecord ofValidated(String uscc, String name, String town, String industry,
                                        LocalDate established, double[] numbers, int qualifications,
                                        int negatives) {
        return new EnterpriseRecord(uscc, name, town, industry, established, numbers, qualifications, negatives);
    }

    public String uscc() {
        return uscc;
    }

    public String name() {
        return name;
    }

    public String town() {
        return town;
    }

    /** GB/T 4754-2017 section letter + division, e.g. {@code C36}. */
    @Override
    public String industry() {
        return industry;
    }

    public LocalDate established() {
        return established;
    }

    /** The value of a numeric field, {@code NaN} when missing. */
    public double value(InputField field) {
        int i = field.numericIndex();
        if (i < 0) {
            throw new IllegalArgumentException(field.key() + " is not a numeric field");
        }
        return numbers[i];
    }

    /** The value at a {@link InputField#numericIndex()}: the scorer's hot path, without a field lookup. */
    @Override
    public double number(int numericIndex) {
        return numbers[numericIndex];
    }

    public boolean isMissing(InputField field) {
        return Double.isNaN(value(field));
    }

    @Override
    public int qualificationBits() {
        return qualifications;
    }

    @Override
    public int negativeBits() {
        return negatives;
    }

    public boolean has(Qualification q) {
        return (qualifications & (1 << q.ordinal())) != 0;
    }

    public boolean has(Negative n) {
        return (negatives & (1 << n.ordinal())) != 0;
    }

    public Set<Qualification> qualifications() {
        return Collections.unmodifiableSet(decode(qualifications, Qualification.class));
    }

    public Set<Negative> negatives() {
        return Collections.unmodifiableSet(decode(negatives, Negative.class));
    }

    /** A copy with one numeric field changed ({@code NaN} makes it missing). */
    public EnterpriseRecord with(InputField field, double value) {
        double[] copy = numbers.clone();
        copy[field.numericIndex()] = value;
        return new EnterpriseRecord(uscc, name, town, industry, established, copy, qualifications, negatives);
    }

    /** A copy holding exactly the given qualifications. */
    public EnterpriseRecord withQualifications(Set<Qualification> set) {
        return new EnterpriseRecord(uscc, name, town, industry, established, numbers, encode(set), negatives);
    }

    /** A copy holding exactly the given negative circumstances. */
    public EnterpriseRecord withNegatives(Set<Negative> set) {
        return new EnterpriseRecord(uscc, name, town, industry, established, numbers, qualifications, encode(set));
    }

    /** A copy in another industry (e.g. to ask what the key-industry bonus is worth). */
    public EnterpriseRecord withIndustry(String code) {
        return new EnterpriseRecord(uscc, name, town, code, established, numbers, qualifications, negatives);
    }

    private static <E extends Enum<E>> EnumSet<E> decode(int bits, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if ((bits & (1 << e.ordinal())) != 0) {
                set.add(e);
            }
        }
        return set;
    }

    private static int encode(Set<? extends Enum<?>> set) {
        int bits = 0;
        for (Enum<?> e : set) {
            bits |= 1 << e.ordinal();
        }
        return bits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnterpriseRecord r
                && uscc.equals(r.uscc) && name.equals(r.name) && town.equals(r.town)
                && industry.equals(r.industry) && established.equals(r.established)
                && Arrays.equals(numbers, r.numbers)
                && qualifications == r.qualifications && negatives == r.negatives;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uscc, name, town, industry, established, Arrays.hashCode(numbers), qualifications, negatives);
    }

    @Override
    public String toString() {
        return "EnterpriseRecord[" + uscc + " " + name + "]";
    }

    /** Builds a record; every numeric field starts missing. The builder does not validate: readers do. */
    public static final class Builder {
        private final String uscc;
        private String name = "";
        private String town = "";
        private String industry = "";
        private LocalDate established = LocalDate.of(2000, 1, 1);
        private final double[] numbers = new double[InputField.numericFields().size()];
        private int qualifications;
        private int negatives;

        private Builder(String uscc) {
            this.uscc = Objects.requireNonNull(uscc);
            Arrays.fill(numbers, Double.NaN);
        }

        public Builder name(String v) {
            name = Objects.requireNonNull(v);
            return this;
        }

        public Builder town(String v) {
            town = Objects.requireNonNull(v);
            return this;
        }

        public Builder industry(String v) {
            industry = Objects.requireNonNull(v);
            return this;
        }

        public Builder established(LocalDate v) {
            established = Objects.requireNonNull(v);
            return this;
        }

        public Builder set(InputField field, double value) {
            numbers[field.numericIndex()] = value;
            return this;
        }

        public Builder qualification(Qualification q) {
            qualifications |= 1 << q.ordinal();
            return this;
        }

        public Builder negative(Negative n) {
            negatives |= 1 << n.ordinal();
            return this;
        }

        public EnterpriseRecord build() {
            return new EnterpriseRecord(uscc, name, town, industry, established, numbers.clone(), qualifications, negatives);
        }
    }
}
