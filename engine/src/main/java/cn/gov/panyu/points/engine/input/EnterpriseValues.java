package cn.gov.panyu.points.engine.input;

/**
 * What scoring reads of one enterprise: its numbers, industry and sets. Implemented by
 * {@link EnterpriseRecord} and by the row cursor of {@link RecordColumns}, so that one definition of
 * each derived value (scoring-spec §2) serves both.
 */
public interface EnterpriseValues {

    /** The value at an {@link InputField#numericIndex()}, {@code NaN} when missing. */
    double number(int numericIndex);

    String industry();

    /** Qualifications held, as bits {@code 1 << Qualification.ordinal()}. */
    int qualificationBits();

    /** Negative circumstances, as bits {@code 1 << Negative.ordinal()}. */
    int negativeBits();
}
