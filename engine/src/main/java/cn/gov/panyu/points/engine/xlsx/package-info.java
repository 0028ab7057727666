/**
 * Writing XLSX files that every reader sees whole: the platform's exports, the engine's result files and
 * templates all go through {@link cn.gov.panyu.points.engine.xlsx.Xlsx}.
 */
package cn.gov.panyu.points.engine.xlsx;
