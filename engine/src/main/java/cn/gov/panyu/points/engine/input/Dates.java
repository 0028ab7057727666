package cn.gov.panyu.points.engine.input;

import java.time.LocalDate;

/**
 * Dates as people and spreadsheets write them: {@code 2015-06-30}, and also {@code 2015/6/30} and
 * {@code 2015-6-30} (what Chinese Excel shows and saves), parsed from bytes without allocating.
 */
final class Dates {

    /** Returned by {@link #parse} when the text is not shaped like a date. */
    static final int BAD_FORMAT = -1;
    /** Returned by {@link #parse} for a well-shaped date that does not exist (2023-02-30). */
    static final int NO_SUCH_DATE = -2;

    private static final LocalDate EXCEL_EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private Dates() {
    }

    /**
     * Parses {@code yyyy-M-d} or {@code yyyy/M/d} (month and day of one or two digits, one separator
     * throughout) in {@code b[from, to)}.
     *
     * @return {@code yyyy * 10000 + MM * 100 + dd}, or {@link #BAD_FORMAT} / {@link #NO_SUCH_DATE}
     */
    static int parse(byte[] b, int from, int to) {
        int len = to - from;
        if (len < 8 || len > 10) {
            return BAD_FORMAT;
        }
        int y = digits(b, from, from + 4);
        if (y < 0) {
            return BAD_FORMAT;
        }
        byte sep = b[from + 4];
        if (sep != '-' && sep != '/') {
            return BAD_FORMAT;
        }
        int i = from + 5;
        int monthEnd = i + 1 < to && b[i + 1] == sep ? i + 1 : i + 2;
        if (monthEnd >= to || b[monthEnd] != sep) {
            return BAD_FORMAT;
        }
        int m = digits(b, i, monthEnd);
        int dayLength = to - monthEnd - 1;
        int d = dayLength == 1 || dayLength == 2 ? digits(b, monthEnd + 1, to) : -1;
        if (m < 0 || d < 0) {
            return BAD_FORMAT;
        }
        if (m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
            return NO_SUCH_DATE;
        }
        return y * 10000 + m * 100 + d;
    }

    /** Days since 1970-01-01 of a valid date, as {@link LocalDate#toEpochDay()} counts them, without one. */
    static int epochDay(int y, int m, int d) {
        // count from 1 March of year 0, so that the leap day ends a year; 146097 days per 400 years
        int year = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(year, 400);
        int yearOfEra = year - era * 400;
        int dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /**
     * The date of an Excel serial day number (the integer part; a time of day is ignored). In the 1900
     * system Excel counts the non-existent 29 Feb 1900 (serial 60), so serials up to 60 are off by one.
     *
     * @return the date, or null when the serial is not a date Excel could show
     */
    static LocalDate fromExcelSerial(double serial, boolean date1904) {
        if (!(serial >= 0) || serial >= 2_958_466) { // Excel's last date is 9999-12-31
            return null;
        }
        long days = (long) Math.floor(serial);
        if (date1904) {
            return EXCEL_EPOCH_1904.plusDays(days);
        }
        if (days == 60 || days == 0) {
            return null; // 1900-02-29 and 1900-01-00 do not exist
        }
        return EXCEL_EPOCH_1900.plusDays(days < 60 ? days + 1 : days);
    }

    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
