package cn.gov.panyu.points.platform.bankapi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.credit.BankReport;
import cn.gov.panyu.points.platform.credit.ConsentedEnterprise;
import cn.gov.panyu.points.platform.credit.CreditLines;
import cn.gov.panyu.points.platform.credit.CreditProduct;
import cn.gov.panyu.points.platform.credit.Whitelists;

/**
 * The JSON the bank API answers with: its own records, not the pages' models, so that the contract a bank's
 * system is built against changes only when these do. Codes come with their Chinese labels.
 */
final class ApiViews {

    private ApiViews() {
    }

    @Schema(description = "发展阶段或榜单：代码及中文名称")
    record Label(@Schema(example = "RUN") String code, @Schema(example = "竞跑") String label) {

        static Label of(Stage stage) {
            return stage == null ? null : new Label(stage.name(), stage.label());
        }

        static Label of(Tier tier) {
            return tier == null ? null : new Label(tier.name(), tier.label());
        }
    }

    @Schema(description = "积分贷产品")
    record Product(long id, String name, String description,
                   @Schema(description = "最长期限（月）") int termMonths,
                   @Schema(description = "年利率上限（%）") BigDecimal rateCeilingPercent,
                   @Schema(description = "额度上限（万元）") BigDecimal lineCapWan,
                   @Schema(description = "最低榜单") Label lowestTier,
                   LocalDate validFrom, LocalDate validTo) {

        static Product of(CreditProduct p) {
            return new Product(p.id(), p.terms().name(), p.terms().description(), p.terms().termMonths(),
                    p.terms().rateCeiling(), p.terms().rules().cap(), Label.of(p.terms().rules().lowestTier()),
                    p.terms().validFrom(), p.terms().validTo());
        }
    }

    @Schema(description = "一个产品的预授信额度")
    record Line(long productId, String productName,
                @Schema(description = "预授信额度（万元，取整万）") BigDecimal lineWan,
                @Schema(description = "额度如何得出", example = "竞跑 基础额度 200 万 × 1.2 = 240 万") String explanation) {
    }

    @Schema(description = "白名单中的一家企业：已向本行授权、且符合至少一个产品条件")
    record WhiteListEntry(@Schema(example = "91440113MA5XXXXXX1") String uscc, String name, String town,
                          String industry, @Schema(description = "最新发布年度") Integer year,
                          @Schema(description = "创新积分") BigDecimal total, Label stage, Integer rankInStage,
                          Label tier, @Schema(description = "授权有效期至") LocalDate consentExpires, List<Line> lines) {

        static WhiteListEntry of(Whitelists.Listed entry) {
            ConsentedEnterprise e = entry.enterprise();
            return new WhiteListEntry(e.uscc(), e.name(), e.town(), e.industry(), e.year(), e.total(),
                    Label.of(e.stage()), e.rank(), Label.of(e.tier()), e.consentExpires(),
                    entry.lines().stream().map(l -> new Line(l.productId(), l.productName(), l.line(), l.explanation()))
                            .toList());
        }
    }

    @Schema(description = "白名单的一页；nextCursor 为空表示已到末尾（一页可能少于 size 条甚至为空，而后面仍有）")
    record WhiteListPage(List<WhiteListEntry> entries, String nextCursor) {
    }

    @Schema(description = "某年度发布的评价结果")
    record YearResult(int year, BigDecimal total, Label stage, Integer rankInStage, Label tier) {
    }

    @Schema(description = "关键数据")
    record Figure(String label, String unit, String value) {
    }

    @Schema(description = "本行一个产品对该企业的判断")
    record Offer(long productId, String productName, boolean eligible,
                 @Schema(description = "预授信额度（万元），不符合时为空") BigDecimal lineWan,
                 @Schema(description = "额度如何得出") String explanation,
                 @Schema(description = "不符合时，未满足的第一条规则") String missedRule) {

        static Offer of(CreditLines.Offer o) {
            return new Offer(o.product().id(), o.product().terms().name(), o.assessment().eligible(),
                    o.assessment().line(), o.assessment().eligible() ? o.assessment().explanation() : null,
                    o.assessment().miss());
        }
    }

    @Schema(description = "企业积分报告（仅限向本行授权且在有效期内的企业）")
    record Report(String uscc, String name, String town, String industry, LocalDate established,
                  LocalDate consentExpires, @Schema(description = "最新发布年度；无发布结果时为空") Integer year,
                  BigDecimal total, Label stage, Integer rankInStage, Label tier,
                  @Schema(description = "是否参与排名（有否决项时为 false）") Boolean eligibleForRanking,
                  List<YearResult> history, Integer figuresYear, List<Figure> figures, List<Offer> offers) {

        static Report of(BankReport r, List<CreditLines.Offer> offers) {
            var s = r.score();
            return new Report(r.registry().uscc(), r.registry().name(), r.registry().town(), r.registry().industry(),
                    r.registry().established(), r.consentExpires(), r.year(), s == null ? null : s.total(),
                    s == null ? null : Label.of(s.stage()), s == null ? null : s.rank(), s == null ? null : Label.of(s.tier()),
                    s == null ? null : s.eligible(),
                    r.history().stream().map(h -> new YearResult(h.year(), h.total(), Label.of(h.stage()), h.rank(),
                            Label.of(h.tier()))).toList(),
                    r.figuresYear(), r.figures().stream().map(f -> new Figure(f.label(), f.unit(), f.text())).toList(),
                    offers.stream().map(Offer::of).toList());
        }
    }
}
