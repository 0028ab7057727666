package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reader's table of first rows must answer as a map from code to first row would. */
class UsccIndexTests {

    @Property(tries = 300)
    void answersAsAMapOfFirstRows(@ForAll("packedCodes") List<long[]> codes) {
        UsccIndex index = new UsccIndex(codes.size()); // as the reader sizes it: one place per data row
        Map<List<Long>, Integer> firstRows = new HashMap<>();
        int row = 1;
        for (long[] code : codes) {
            Integer first = firstRows.putIfAbsent(List.of(code[0], code[1]), row);
            assertThat(index.putIfAbsent(code[0], code[1], row)).isEqualTo(first == null ? 0 : first);
            row++;
        }
    }

    /** Few distinct halves, so that codes repeat and collide in both halves. */
    @Provide
    Arbitrary<List<long[]>> packedCodes() {
        Arbitrary<Long> half = Arbitraries.oneOf(Arbitraries.longs().between(0, 5),
                Arbitraries.longs().between(0, (1L << 45) - 1));
        return half.list().ofSize(2).map(h -> new long[] {h.get(0), h.get(1)}).list().ofMaxSize(200);
    }
}
