package cn.gov.panyu.points.platform.collection;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/**
 * Implemented by each feature whose records name an enterprise of the registry (results, declarations,
 * consents, accounts). Rolling back an import deletes the enterprises it created only when no feature
 * still refers to them — and asks the features, rather than reading their tables, so that a new feature
 * joins the rule by implementing this interface.
 */
@NamedInterface("registry-references")
public interface RegistryReferences {

    /** Of {@code usccs}, those this feature's records refer to. */
    Set<String> referenced(Collection<String> usccs);

    /**
     * The USCCs an {@code in (:usccs)} query of one's own tables finds, asked in slices: an import may have
     * created a hundred thousand enterprises, more than a statement may bind.
     */
    static Set<String> query(JdbcClient jdbc, String sqlWithUsccsParameter, Collection<String> usccs) {
        List<String> all = List.copyOf(usccs);
        Set<String> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            jdbc.sql(sqlWithUsccsParameter).param("usccs", all.subList(from, Math.min(all.size(), from + SLICE)))
                    .query(String.class).list().forEach(uscc -> found.add(uscc.strip())); // CHAR(18) comes back padded
        }
        return found;
    }

    /** USCCs bound per statement. */
    int SLICE = 1_000;
}
