package cn.gov.panyu.points.platform.evaluation;

import java.math.BigDecimal;

import org.springframework.modulith.NamedInterface;

import cn.gov.panyu.points.engine.model.Stage;

/** The lowest and highest total of a stage's ranked enterprises in a published run ({@link PublishedResults#stageRange}). */
@NamedInterface("published-scores")
public record StageRange(Stage stage, BigDecimal lowest, BigDecimal highest) {
}
