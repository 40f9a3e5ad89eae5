package org.srstudio.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseConcatChainsTest {
    private static Op.Concat cat(String out, String... in) {
        return new Op.Concat(List.of(in), out);
    }

    @Test
    void concatsThatEachAddOneInputFormOneChainSizedForTheLast() {
        Op.Concat c1 = cat("c1", "x", "a");
        Op.Concat c2 = cat("c2", "x", "a", "b");
        Op.Concat c3 = cat("c3", "x", "a", "b", "c");
        DenseConcatChains chains = DenseConcatChains.of(List.of(c1, c2, c3),
                Map.of("x", 64, "a", 32, "b", 32, "c", 32, "c1", 96, "c2", 128, "c3", 160));

        assertThat(chains.capacityFrom(c1)).isEqualTo(160);
        assertThat(chains.capacityFrom(c2)).isZero();
        assertThat(chains.extended(c2)).isSameAs(c1);
        assertThat(chains.extended(c3)).isSameAs(c2);
        assertThat(chains.extended(c1)).isNull();
    }

    @Test
    void unrelatedOrReorderedConcatsStayPlain() {
        Op.Concat c1 = cat("c1", "x", "a");
        Op.Concat c2 = cat("c2", "a", "x", "b");
        DenseConcatChains chains = DenseConcatChains.of(List.of(c1, c2),
                Map.of("x", 8, "a", 8, "b", 8, "c1", 16, "c2", 24));

        assertThat(chains.isEmpty()).isTrue();
        assertThat(chains.extended(c2)).isNull();
    }

    @Test
    void aConcatExtendedTwiceStartsOnlyOneChain() {
        Op.Concat c1 = cat("c1", "x", "a");
        Op.Concat left = cat("l", "x", "a", "b");
        Op.Concat right = cat("r", "x", "a", "c");
        DenseConcatChains chains = DenseConcatChains.of(List.of(c1, left, right),
                Map.of("x", 8, "a", 8, "b", 8, "c", 8, "c1", 16, "l", 24, "r", 24));

        assertThat(chains.extended(left)).isSameAs(c1);
        assertThat(chains.extended(right)).isNull();
    }
}
