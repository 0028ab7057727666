package cn.gov.panyu.points.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.account.UserAccounts;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.table.TableQuery;

@DemoDistrictTest
class DemoDistrictLoaderIntegrationTests {

    private static final int LATEST = LocalDate.now().getYear() - 1;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoDistrictLoader loader;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PublishedResults published;

    @Test
    void anEmptyDatabaseGetsTheDistrictThroughOneImportPerDepartmentAndYear() {
        assertThat(count("select count(*) from enterprise")).isEqualTo(DemoDistrictTest.SIZE);
        List<Map<String, Object>> imports = jdbc.sql(
                "select source, data_year, file_name, status, imported_by from data_import order by id").query().listOfRows();
        assertThat(imports).hasSize(DataSource.departments().size() * 3)
                .allSatisfy(i -> {
                    assertThat(i.get("status")).isEqualTo("LOADED");
                    assertThat(i.get("imported_by")).isEqualTo("system");
                    assertThat(i.get("file_name").toString()).startsWith("演示数据-").endsWith(".csv");
                });
        assertThat(imports).extracting(i -> ((Number) i.get("data_year")).intValue()).containsOnly(LATEST - 2, LATEST - 1, LATEST);
    }

    @Test
    void everyYearHasAMergedRecordForEachEnterpriseThatExistedThen() {
        DemoDistrict district = new DemoDistrict(DemoDistrictLoader.SEED, LATEST, DemoDistrictTest.SIZE);
        for (int year : district.years()) {
            assertThat(count("select count(*) from enterprise_year where data_year = " + year))
                    .as("merged records of %d", year).isEqualTo(district.records(year).size());
        }
        assertThat(count("select count(*) from enterprise_year where data_year = " + (LATEST - 2)))
                .isLessThan(DemoDistrictTest.SIZE);
    }

    @Test
    void selfDeclarationsDisagreeWithTheDepartmentsSoConflictsAreOpen() {
        assertThat(count("select count(*) from source_record where source = 'SELF'")).isPositive();
        assertThat(count("select count(*) from data_conflict where status = 'OPEN' and field in ('rd_expense', 'employees')"))
                .isPositive();
        assertThat(count("select count(*) from declaration where status = 'SUBMITTED'"))
                .as("some declarations wait in the review queue").isPositive();
    }

    @Test
    void everyYearOfTheDistrictIsPublished() {
        assertThat(published.years()).containsExactly(LATEST, LATEST - 1, LATEST - 2);
        for (int year : published.years()) {
            assertThat(jdbc.sql("select r.status from publication p join evaluation_run r on r.id = p.run_id where p.data_year = ?")
                    .param(year).query(String.class).single()).as("run of %d", year).isEqualTo("PUBLISHED");
        }
        assertThat(published.all(ScoreFilter.year(LATEST), TableQuery.of(null, null, null, null))).hasSize(DemoDistrictTest.SIZE);
        // published early through the administrator's override, with the reason in the audit log (ADR 0011)
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PUBLISH_OVERRIDE' and username = 'system' and detail like ?")
                .param("%" + DemoDistrictLoader.HISTORY + "%").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void yearOnYearSomeEnterprisesRiseAndOthersFall() {
        for (int year : List.of(LATEST - 1, LATEST)) {
            Map<String, PublishedScore> before = published.all(ScoreFilter.year(year - 1), TableQuery.of(null, null, null, null))
                    .stream().collect(Collectors.toMap(PublishedScore::uscc, s -> s));
            int rising = 0;
            int falling = 0;
            for (PublishedScore now : published.all(ScoreFilter.year(year), TableQuery.of(null, null, null, null))) {
                PublishedScore then = before.get(now.uscc());
                if (then == null || then.rank() == null || now.rank() == null || then.stage() != now.stage()) {
                    continue;
                }
                // clearly: a tenth of the stage's ranked enterprises or more, with the total moving the same way
                int clearly = Math.max(2, published.rankedInStage(year, now.stage()) / 10);
                if (then.rank() - now.rank() >= clearly && now.total().compareTo(then.total()) > 0) {
                    rising++;
                } else if (now.rank() - then.rank() >= clearly && now.total().compareTo(then.total()) < 0) {
                    falling++;
                }
            }
            assertThat(rising).as("enterprises clearly rising from %d to %d", year - 1, year)
                    .isGreaterThanOrEqualTo(DemoDistrictTest.SIZE / 50);
            assertThat(falling).as("enterprises clearly falling from %d to %d", year - 1, year)
                    .isGreaterThanOrEqualTo(DemoDistrictTest.SIZE / 50);
        }
    }

    @Test
    void theDemoEnterpriseUserIsBoundToAnEnterpriseOnAPublishedList() {
        PlatformUser ent = accounts.find(DemoDistrictLoader.ENTERPRISE_USER).orElseThrow();
        assertThat(ent.role()).isEqualTo(Role.ENTERPRISE);
        assertThat(ent.uscc()).hasSize(18);
        assertThat(jdbc.sql("""
                        select s.tier from score_result s join publication p on p.run_id = s.run_id
                        where s.uscc = ? and p.data_year = ?""").params(ent.uscc(), LATEST).query(String.class).single())
                .isNotBlank();
    }

    @Test
    void aSecondStartWithDataChangesNothingAndLeavesNoAuthenticationBehind() throws Exception {
        long imports = count("select count(*) from data_import");
        long runs = count("select count(*) from evaluation_run");

        loader.run(null);

        assertThat(count("select count(*) from data_import")).isEqualTo(imports);
        assertThat(count("select count(*) from evaluation_run")).isEqualTo(runs);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
