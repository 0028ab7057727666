package cn.gov.panyu.points.platform.system;

/**
 * The database the platform stores its data in, as 系统信息 shows it.
 *
 * @param product        product name and version, e.g. {@code H2 2.4.240}; null when unreachable
 * @param schemaVersion  the latest applied Flyway migration, e.g. {@code 1}; null before any
 */
public record DatabaseInfo(String product, String schemaVersion) {

    public boolean reachable() {
        return product != null;
    }
}
