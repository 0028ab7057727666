package cn.gov.panyu.points.platform.enterprise;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry's names for features that match their own lists to the enterprises (双创大赛 entries), so that
 * they ask this module rather than read the registry's table. Without a role check, like
 * {@link PublishedScores}: the caller is a staff service that decides what its user sees.
 */
@Component
public class RegistryLookup {

    /** USCCs bound per statement. */
    private static final int SLICE = 1_000;

    private final JdbcTemplate jdbc;

    RegistryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Of {@code usccs}, those in the registry, with their names. */
    public Map<String, String> names(Collection<String> usccs) {
        List<String> all = List.copyOf(usccs);
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + SLICE));
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            jdbc.query("select uscc, name from enterprise where uscc in (" + marks + ")",
                    rs -> {
                        found.put(rs.getString(1).strip(), rs.getString(2));
                    }, slice.toArray());
        }
        return found;
    }

    /** Every enterprise of the registry as (USCC, name), streamed: a name match compares against all of them. */
    public void each(BiConsumer<String, String> sink) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("select uscc, name from enterprise");
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            sink.accept(rs.getString(1).strip(), rs.getString(2));
        });
    }
}
