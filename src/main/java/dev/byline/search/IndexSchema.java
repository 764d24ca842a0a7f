package dev.byline.search;

import dev.byline.content.PublishedText;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * What one article looks like in the index. Changing any field's meaning or analysis means
 * raising {@link #VERSION}: every node then rebuilds its index from the database on start.
 */
final class IndexSchema {
  /** Stored in each commit; an index written under another version is rebuilt. */
  static final int VERSION = 7;

  /** The article id as a term, for updates and deletes. */
  static final String KEY = "key";
  /** The article id as a doc value, to map hits back to articles. */
  static final String ID = "id";

  static final String SLUG = "slug";
  /** Searched (for its weight and highlighting, with offsets) and stored. */
  static final String HEADLINE = "headline";
  /** Stored only: shown and highlighted, searched through {@link #TEXT}. */
  static final String STANDFIRST = "standfirst";
  /** Stored only: shown and highlighted, searched through {@link #TEXT}. */
  static final String BODY = "body";
  /** Unstemmed words of the whole text: prefix queries and spelling suggestions. */
  static final String WORDS = "words";
  /** Edge n-grams of headline words, for autocomplete. */
  static final String COMPLETE = "complete";
  /**
   * Body, standfirst and headline (twice) as one field with positions and offsets ({@link TextTerms}): what every reader search
   * must match, and what related-article candidates are gathered by. One field instead of three
   * turns a search of several words into a conjunction of single term lists, which Lucene skips
   * through block by block; across three fields each word was a disjunction, scored doc by doc.
   */
  static final String TEXT = "text";
  /**
   * Each pair of neighbouring common terms of the text ({@link CommonTerms}) as one term
   * ({@link TextTerms#pairStream}), frequencies only: a phrase of common words reads one short
   * term list per pair instead of intersecting their positions across the archive ({@link PhrasePairs}).
   */
  static final String PAIRS = "pairs";
  /** The text's terms as hashes with frequencies ({@link TermSignature}): what candidates are re-ranked by. */
  static final String RELATED_TERMS = "related_terms";

  /**
   * The terms the standfirst and body write as names ({@link Names}), as a {@link TermSignature}:
   * what tells two look-alike events apart.
   */
  static final String NAMES = "names";
  /** The years the text mentions ({@link Years}). */
  static final String YEARS = "years";

  static final String SECTION = "section";
  static final String TOPIC = "topic";
  static final String PUBLISHED = "published";
  /** A wire story's identity (source and guid) shared by all its versions, when known. */
  static final String STORY = "story";

  static final String FINGERPRINT = "fingerprint";
  /** Length of the text's term-frequency vector (float bits), for cosine similarity. */
  static final String RELATED_NORM = "related_norm";

  /** The headline counts twice in the text, for search and related-article similarity: it says what the story is about. */
  static final int HEADLINE_REPEATS = 2;

  /** The headline: searched with positions, highlighted from offsets, stored. */
  private static final FieldType HEADLINE_TYPE =
      indexed(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
  /** Positions for phrases; offsets so the stored body is highlighted without analysing it again ({@link TextTerms}). */
  private static final FieldType TEXT_TYPE =
      indexed(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
  /** Frequencies and norms for scoring a phrase; no positions, which a single pair never needs. */
  private static final FieldType PAIRS_TYPE = indexed(false, IndexOptions.DOCS_AND_FREQS);

  private static final FieldType WORDS_TYPE = docsOnly();

  private IndexSchema() {}

  /** English analysis (stop words, possessives, Porter stemming) for text; plain words for the rest. */
  static Analyzer analyzer() {
    var english = new EnglishAnalyzer();
    Map<String, Analyzer> perField = Map.of(
        WORDS, new StandardAnalyzer(CharArraySet.EMPTY_SET),
        COMPLETE, new FoldingAnalyzer(true));
    return new PerFieldAnalyzerWrapper(english, perField);
  }

  /** Plain lower-cased, accent-folded words, for matching what a reader types against {@link #COMPLETE}. */
  static Analyzer completionQueryAnalyzer() {
    return new FoldingAnalyzer(false);
  }

  static Term key(long articleId) {
    return new Term(KEY, Long.toString(articleId));
  }

  static Document document(PublishedText article, String storyKey, Analyzer analyzer) {
    return document(IndexedArticle.of(article, storyKey), analyzer);
  }

  static Document document(IndexedArticle article, Analyzer analyzer) {
    var doc = new Document();
    var body = article.body();
    doc.add(new StringField(KEY, Long.toString(article.id()), Field.Store.NO));
    doc.add(new NumericDocValuesField(ID, article.id()));
    doc.add(new StoredField(SLUG, article.slug()));
    doc.add(new BinaryDocValuesField(SLUG, new BytesRef(article.slug())));
    doc.add(new Field(HEADLINE, article.headline(), HEADLINE_TYPE));
    doc.add(new StoredField(STANDFIRST, article.standfirst()));
    doc.add(new StoredField(BODY, body));
    var text = article.headline() + "\n" + article.standfirst() + "\n" + body;
    doc.add(new Field(WORDS, text, WORDS_TYPE));
    doc.add(new Field(COMPLETE, article.headline(), WORDS_TYPE));
    // Analysed once: the same terms feed the field, the signature and the vector length.
    var terms = TextTerms.analyse(analyzer, article.headline(), article.standfirst(), body);
    doc.add(new Field(TEXT, terms.tokenStream(), TEXT_TYPE));
    doc.add(new Field(PAIRS, terms.pairStream(), PAIRS_TYPE));
    doc.add(new NumericDocValuesField(RELATED_NORM, Float.floatToIntBits((float) terms.norm())));
    doc.add(new BinaryDocValuesField(RELATED_TERMS, TermSignature.encode(terms.frequencies())));
    doc.add(new BinaryDocValuesField(NAMES, TermSignature.encode(terms.nameFrequencies())));
    for (long year : Years.of(article.headline(), article.standfirst(), body))
      doc.add(new SortedNumericDocValuesField(YEARS, year));
    doc.add(new StringField(SECTION, Long.toString(article.sectionId()), Field.Store.NO));
    doc.add(new StoredField(SECTION, article.sectionId()));
    doc.add(new NumericDocValuesField(SECTION, article.sectionId()));
    for (long t : article.topicIds()) {
      doc.add(new StringField(TOPIC, Long.toString(t), Field.Store.NO));
      doc.add(new SortedNumericDocValuesField(TOPIC, t));
    }
    long published = article.publishedMillis();
    doc.add(new LongPoint(PUBLISHED, published));
    doc.add(new NumericDocValuesField(PUBLISHED, published));
    doc.add(new StoredField(PUBLISHED, published));
    var storyKey = article.storyKey();
    if (storyKey != null && !storyKey.isBlank()) {
      doc.add(new StringField(STORY, storyKey, Field.Store.NO));
      doc.add(new SortedDocValuesField(STORY, new BytesRef(storyKey)));
    }
    doc.add(
        new BinaryDocValuesField(FINGERPRINT, new BytesRef(Fingerprint.of(text).toBytes())));
    return doc;
  }

  private static FieldType indexed(boolean stored, IndexOptions options) {
    var type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setStored(stored);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  private static FieldType docsOnly() {
    var type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  /** Lower-cased, accent-folded words; with {@code grams}, also every leading part of each word. */
  private static final class FoldingAnalyzer extends Analyzer {
    private final boolean grams;

    FoldingAnalyzer(boolean grams) {
      this.grams = grams;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      var source = new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      if (grams) stream = new EdgeNGramTokenFilter(stream, 1, 24, true);
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
