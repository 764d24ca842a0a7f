package dev.byline.search;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.byline.content.InvalidInput;
import dev.byline.testing.FuzzSeeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What readers type into search, anything at all, through the query parser and a search of a
 * small index: results, or a refusal as {@link InvalidInput}; never a parser or Lucene exception.
 */
public class SearchQueryFuzzTest {
  static final ArticleSearch SEARCH = search();

  static ArticleSearch search() {
    try {
      var dir = new ByteBuffersDirectory();
      var analyzer = IndexSchema.analyzer();
      try (var writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (var text : new String[] {"President visits the harbour", "Harbour strike ends"}) {
          var doc = new Document();
          doc.add(new TextField(IndexSchema.WORDS, text, Field.Store.YES));
          writer.addDocument(doc);
        }
      }
      return new ArticleSearch(new IndexSearcher(DirectoryReader.open(dir)), analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Stream<Arguments> seeds() {
    return FuzzSeeds.of(
        "harbour",
        "\"harbour strike\"",
        "presid*",
        "harbour -strike | (president + visits)",
        "\\\"*~-+|()",
        "a*",
        "((((((((((((x",
        "ünïcödé 北京 🎉");
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_search_text_is_answered_or_refused(@NotNull String text) {
    check(text);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(String text) {
    try {
      SEARCH.run(SearchQuery.of(text));
    } catch (InvalidInput refused) {
      // too long, or a control character: said to the reader as such
    }
  }
}
