package cn.gov.panyu.points.platform.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** One row of {@code data_import}: a recorded department import. */
public record ImportRecord(long id, DataSource source, int year, String fileName, String sha256, String mode,
                           String status, int rowsTotal, int rowsLoaded, int rowsRejected, String importedBy,
                           LocalDateTime importedAt, String rolledBackBy, LocalDateTime rolledBackAt) {

    static final String COLUMNS = "id, source, data_year, file_name, file_sha256, mode, status, rows_total,"
            + " rows_loaded, rows_rejected, imported_by, imported_at, rolled_back_by, rolled_back_at";
    static final String SELECT = "select " + COLUMNS + " from data_import";

    static ImportRecord map(ResultSet rs, int row) throws SQLException {
        return new ImportRecord(rs.getLong(1), DataSource.valueOf(rs.getString(2).strip()), rs.getInt(3),
                rs.getString(4), rs.getString(5), rs.getString(6).strip(), rs.getString(7).strip(), rs.getInt(8),
                rs.getInt(9), rs.getInt(10), rs.getString(11), rs.getObject(12, LocalDateTime.class),
                rs.getString(13), rs.getObject(14, LocalDateTime.class));
    }

    public boolean loaded() {
        return "LOADED".equals(status);
    }

    /** 已导入 / 已导入（仅有效行）/ 已回滚. */
    public String statusLabel() {
        if (!loaded()) {
            return "已回滚";
        }
        return "VALID_ONLY".equals(mode) ? "已导入（仅有效行）" : "已导入";
    }
}
