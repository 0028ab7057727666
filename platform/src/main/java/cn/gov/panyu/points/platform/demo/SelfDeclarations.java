package cn.gov.panyu.points.platform.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.declaration.DeclarationReviews;
import cn.gov.panyu.points.platform.declaration.DeclarationStatus;
import cn.gov.panyu.points.platform.declaration.DeclarationSummary;
import cn.gov.panyu.points.platform.declaration.Declarations;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The demo's 企业填报: some enterprises declare their year the way a real one does (as an enterprise user,
 * through the declaration service), staff approve most of them and leave the rest in the review queue.
 * Declared R&amp;D expense and headcount deliberately differ from the departments' figures, so that the
 * merge flags conflicts for staff to resolve.
 */
@Component
class SelfDeclarations {

    /** Declared R&D expense is this much above the tax office's figure: beyond the merge's tolerance. */
    static final double RD_EXPENSE_OVERSTATED = 1.12;
    /** Every n-th declaration is left submitted, for the review queue. */
    static final int LEFT_FOR_REVIEW_EVERY = 3;

    private final Declarations declarations;
    private final DeclarationReviews reviews;

    SelfDeclarations(Declarations declarations, DeclarationReviews reviews) {
        this.declarations = declarations;
        this.reviews = reviews;
    }

    /**
     * Declares every {@code every}-th enterprise's data for {@code year}; runs under the caller's staff
     * authentication, switching to each enterprise's own user for the submission.
     *
     * @return how many enterprises declared
     */
    int declare(List<EnterpriseRecord> records, int year, int every) {
        Authentication staff = SecurityContextHolder.getContext().getAuthentication();
        PlatformUser reviewer = (PlatformUser) staff.getPrincipal();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < records.size(); i += every) {
            EnterpriseRecord r = records.get(i);
            PlatformUser enterprise = new PlatformUser("demo-" + r.uscc(), "", r.name(), Role.ENTERPRISE, r.uscc(),
                    null, true, false);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(enterprise, null, enterprise.getAuthorities()));
            try {
                Declarations.Outcome outcome = declarations.submit(enterprise, year, declared(r), qualifications(r));
                if (!outcome.saved()) {
                    throw new IllegalStateException("demo declaration of " + r.uscc() + " refused: " + outcome.errors());
                }
            } finally {
                SecurityContextHolder.getContext().setAuthentication(staff);
            }
            submitted.add(r.uscc());
        }
        for (int i = 0; i < submitted.size(); i++) {
            if (i % LEFT_FOR_REVIEW_EVERY == LEFT_FOR_REVIEW_EVERY - 1) {
                continue;
            }
            DeclarationSummary declaration = reviews.queue(
                            new DeclarationReviews.Filter(DeclarationStatus.SUBMITTED, year, submitted.get(i)),
                            TableQuery.of(1, 20, null, null))
                    .rows().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("demo declaration not in the review queue"));
            reviews.approve(declaration.id(), "演示数据：已核对", reviewer);
        }
        return submitted.size();
    }

    /** What the enterprise types in: the departments' figures, with a larger R&D expense and headcount. */
    static Map<String, String> declared(EnterpriseRecord r) {
        Map<String, String> raw = new HashMap<>();
        for (RecordField field : RecordField.values()) {
            if (field == RecordField.NEGATIVES || field == RecordField.QUALIFICATIONS) {
                continue;
            }
            raw.put(field.column(), DemoDistrict.cell(r, field.column(), DataSource.SELF));
        }
        double rd = r.value(InputField.RD_EXPENSE);
        if (!Double.isNaN(rd) && rd > 0) {
            raw.put(RecordField.RD_EXPENSE.column(), String.format(Locale.ROOT, "%.2f", rd * RD_EXPENSE_OVERSTATED));
        }
        long employees = Math.round(r.value(InputField.EMPLOYEES));
        raw.put(RecordField.EMPLOYEES.column(), Long.toString(employees + 2));
        return raw;
    }

    private static List<String> qualifications(EnterpriseRecord r) {
        return r.qualifications().stream().map(Enum::name).toList();
    }
}
