package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class TermSignatureTest {
  @Test
  void the_dot_product_over_signatures_equals_the_one_over_the_terms_themselves() {
    var r = new Random(11);
    for (int round = 0; round < 50; round++) {
      var source = new HashMap<String, Double>();
      var candidate = new HashMap<String, Integer>();
      for (int i = 0; i < 300; i++) source.put("w" + r.nextInt(2_000), r.nextDouble() * 5);
      for (int i = 0; i < 300; i++)
        candidate.merge("w" + r.nextInt(2_000), 1 + r.nextInt(3), Integer::sum);
      double expected = 0;
      for (var e : candidate.entrySet()) {
        var w = source.get(e.getKey());
        if (w != null) expected += w * TextTerms.tfWeight(e.getValue());
      }
      assertThat(expected).isPositive();
      double dot = TermSignature.Weighted.of(source).dot(TermSignature.encode(candidate));
      assertThat(dot).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void
      texts_with_no_shared_term_have_no_dot_product_and_a_signature_may_sit_inside_a_larger_buffer() {
    var signature = TermSignature.encode(Map.of("harbour", 3, "strike", 2));
    var padded = new byte[signature.length + 7];
    System.arraycopy(signature.bytes, signature.offset, padded, 5, signature.length);
    var inside = new BytesRef(padded, 5, signature.length);
    var source = TermSignature.Weighted.of(Map.of("harbour", 2.0, "election", 1.0));
    assertThat(source.dot(inside)).isCloseTo(2.0 * TextTerms.tfWeight(3), within(1e-9));
    assertThat(TermSignature.Weighted.of(Map.of("election", 1.0)).dot(signature))
        .isZero();
    assertThat(source.dot(new BytesRef(new byte[0]))).isZero();
  }

  @Test
  void frequencies_are_capped_where_the_weight_stops_mattering() {
    var signature = TermSignature.encode(Map.of("the", 10_000));
    var source = TermSignature.Weighted.of(Map.of("the", 1.0));
    assertThat(source.dot(signature)).isCloseTo(TextTerms.tfWeight(255), within(1e-9));
  }
}
