package cn.gov.panyu.points.platform.system;

/** What 系统信息 shows about the running platform. */
public record Overview(EngineInfo engine, DatabaseInfo database) {
}
