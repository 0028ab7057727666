package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.analytics.Chart.Point;
import cn.gov.panyu.points.platform.analytics.Chart.Series;
import cn.gov.panyu.points.platform.credit.CreditTotal;
import cn.gov.panyu.points.platform.credit.CreditTotals;
import cn.gov.panyu.points.platform.cultivation.Pool;
import cn.gov.panyu.points.platform.cultivation.PoolVersion;
import cn.gov.panyu.points.platform.cultivation.Pools;

/**
 * What the points led to in a year, as the features that own it count it: 科技信贷's totals (through
 * {@link CreditTotals}, the figures of /credit/totals) and the size of each 培育库's newest version (through
 * {@link Pools}, those of /cultivation/pools). Read per request: both are small (applications and loans, three
 * pools), and unlike a published run they change at any time. They are the district's figures: the totals know a
 * loan's stage and tier only, the pools no score at all, so the dashboard's filters do not narrow them.
 */
@Component
class DistrictOutcomes {

    private final CreditTotals credit;
    private final Pools pools;

    DistrictOutcomes(CreditTotals credit, Pools pools) {
        this.credit = credit;
        this.pools = pools;
    }

    Outcomes of(int year) {
        List<CreditTotal> rows = credit.totals(new CreditTotals.Filter(year, null));
        String creditUrl = UriComponentsBuilder.fromPath("/credit/totals").queryParam("year", year).toUriString();
        CreditTotal sum = rows.isEmpty() ? null : CreditTotals.sum(rows);
        Outcomes.Credit figures = sum == null ? null : new Outcomes.Credit(sum.applications(), sum.approvals(), sum.loans(),
                sum.loanAmount(), creditUrl);
        Chart chart = sum == null || sum.loans() == 0 ? null : creditChart(rows, creditUrl);
        List<Outcomes.PoolSize> sizes = new ArrayList<>();
        String poolsUrl = UriComponentsBuilder.fromPath("/cultivation/pools").queryParam("year", year).toUriString();
        for (Pool pool : Pool.values()) {
            pools.latest(pool, year).ifPresent((PoolVersion v) ->
                    sizes.add(new Outcomes.PoolSize(pool.label(), v.kept(), v.confirmed(), poolsUrl)));
        }
        return new Outcomes(figures, chart, List.copyOf(sizes));
    }

    /**
     * The amount lent (万元) per stage and tier of the results the loans rested on; loans to enterprises without a
     * published result form a category of their own. Every bar links to the totals page of the year.
     */
    private static Chart creditChart(List<CreditTotal> rows, String url) {
        List<Stage> stages = new ArrayList<>();
        for (Stage s : Stage.values()) {
            if (rows.stream().anyMatch(r -> r.stage() == s && r.loans() > 0)) {
                stages.add(s);
            }
        }
        boolean unscored = rows.stream().anyMatch(r -> r.stage() == null && r.loans() > 0);
        List<String> categories = new ArrayList<>(stages.stream().map(Stage::label).toList());
        if (unscored) {
            categories.add("无发布结果");
        }
        List<Series> series = new ArrayList<>();
        List<Tier> tiers = new ArrayList<>(List.of(Tier.values()));
        tiers.add(null);
        for (Tier tier : tiers) {
            List<Point> points = new ArrayList<>();
            for (int k = 0; k < categories.size(); k++) {
                Stage stage = k < stages.size() ? stages.get(k) : null;
                BigDecimal amount = rows.stream().filter(r -> r.stage() == stage && Objects.equals(r.tier(), tier))
                        .map(CreditTotal::loanAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                points.add(new Point(amount, url));
            }
            series.add(new Series(tier == null ? "NONE" : tier.name(), tier == null ? "未上榜" : tier.label(), points));
        }
        return new Chart("credit", "各阶段、各榜单企业获得的贷款金额", "贷款金额（万元）", categories, series);
    }
}
