package cn.gov.panyu.points.platform.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/** An enterprise's result in a run that is on 公示: what it may object to until {@code noticeEnds}. */
public record NoticedResult(long runId, int year, LocalDate noticeEnds, Stage stage, BigDecimal total, Integer rank,
                            Tier tier) {
}
