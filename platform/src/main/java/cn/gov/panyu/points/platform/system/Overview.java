package cn.gov.panyu.points.platform.system;

/** What the home page shows about the running platform. */
public record Overview(EngineInfo engine, DatabaseInfo database) {
}
