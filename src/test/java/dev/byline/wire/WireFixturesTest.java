package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.byline.content.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in the shared wire fixtures: stories are read with their fields, the rest is refused clearly. */
class WireFixturesTest {
  static final Path WIRE = dev.byline.testing.Fixtures.path("wire");
  static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

  static List<WireItem> read(String relative) {
    try {
      return WireFormats.read(
          Files.readAllBytes(WIRE.resolve(relative)), ReadContext.of("test", relative, RECEIVED));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static WireItem one(String relative) {
    var items = read(relative);
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  static String text(WireItem item) {
    return item.bodyText();
  }

  /** Files that carry stories; every one must read, with an id, a headline and a version time. */
  static Stream<String> storyFiles() throws IOException {
    var out = new ArrayList<String>();
    try (var files = Files.walk(WIRE)) {
      for (var f : files.filter(Files::isRegularFile).sorted().toList()) {
        var rel = WIRE.relativize(f).toString();
        if (rel.contains("should_fail")
            || rel.contains("schema")
            || rel.endsWith("LICENSE")
            || rel.contains("binary_")) continue;
        out.add(rel);
      }
    }
    return out.stream().filter(WireFixturesTest::carriesStory);
  }

  /** A file carries a story when it has a headline, a title or a body: decided by looking, not by our reader. */
  static boolean carriesStory(String rel) {
    try {
      var s = Files.readString(
          WIRE.resolve(rel),
          rel.endsWith(".xml") && s(rel)
              ? java.nio.charset.StandardCharsets.ISO_8859_1
              : java.nio.charset.StandardCharsets.UTF_8);
      if (s.contains("\"eventDetails\"")
          || s.contains("\"plannedCoverage\"")
          || s.contains("\"type\": \"component\"")
          || s.contains("\"type\": \"event\"")
          || s.contains("\"type\": \"planning\"")) {
        return false;
      }
      return s.matches(
              "(?s).*(\"headline[^\"]*\"|\"headlines\"|\"title\"|\"body_[^\"]*\"|\"bodies\"|<hl1|headline>|<title>[^<]).*")
          && !rel.contains("LISTING_24")
          && !rel.contains("LISTING_28")
          && !rel.contains("LISTING_29")
          && !rel.contains("ap_metadata_example")
          && !rel.endsWith(".xsd")
          // the only "title" here is an association's or a rendition's: property tests, not stories
          && !rel.contains("009_rights")
          && !rel.contains("061_renditions");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean s(String rel) {
    return rel.contains("pa1") || rel.contains("ntb") || rel.contains("ap_metadata");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storyFiles")
  void every_story_file_reads_with_id_headline_version_time_and_status(String rel) {
    var items = read(rel);
    assertThat(items).isNotEmpty();
    for (var item : items) {
      assertThat(item.guid()).isNotBlank();
      assertThat(item.headline()).isNotBlank();
      assertThat(item.versionCreated()).isNotNull();
      assertThat(item.pubStatus()).isNotNull();
      assertThat(item.format()).isNotBlank();
    }
  }

  static Stream<String> shouldFail() throws IOException {
    try (var files = Files.walk(WIRE.resolve("ninjs/test_suite"))) {
      return files
          .filter(f -> f.toString().contains("should_fail") && Files.isRegularFile(f))
          .map(f -> WIRE.relativize(f).toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shouldFail")
  void every_file_of_the_ninjs_should_fail_suite_is_refused_with_a_plain_reason(String rel) {
    var thrown = catchThrowable(() -> read(rel));
    assertThat(thrown).isInstanceOf(WireFormatException.class);
    assertThat(thrown.getMessage())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(thrown.getStackTrace()).isEmpty();
  }

  static Stream<String> notStories() {
    return Stream.of(
        "newsml-g2/LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
        "newsml-g2/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
        "newsml-g2/LISTING_29_Hop_History.xml",
        "newsml-g2/ap_metadata_example.xml",
        "newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd",
        "nitf/nitf-3-6.xsd",
        "ninjs/3.0/simpleEvent.json",
        "ninjs/3.0/tt_event_pressconference_3.0.json",
        "ninjs/3.0/20231004-UEFA-ChampionLeague.json",
        "ninjs/3.0/collection/20231016-event-timeline-sample.json",
        "ninjs/schema/ninjs-schema_3.1.json",
        "ninjs/LICENSE",
        "ninjs/test_suite/3.0/should_pass/005_planned_coverage.json",
        "ninjs/test_suite/3.0/should_pass/002_simple_event.json",
        "ninjs/test_suite/1.2/should_pass/003_type_component.json",
        "agencies/tag_reuters.com_2014_binary_LYNXMPEA6F0MS-VIEWIMAGE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notStories")
  void files_that_are_not_stories_get_a_clear_error_without_a_trace(String rel) {
    var thrown = catchThrowable(() -> read(rel));
    assertThat(thrown).isInstanceOf(WireFormatException.class);
    assertThat(thrown.getMessage())
        .matches(
            ".*(not a story|not a news item|Schema|nothing to publish|is missing|neither XML nor JSON|picture file|an event|planning|component|fragment).*");
  }

  @Test
  void newsml_text_with_nitf_body_has_every_field() {
    var item = one("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml");
    assertThat(item.guid()).isEqualTo("urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
    assertThat(item.version()).isEqualTo(11);
    assertThat(item.versionCreated()).isEqualTo(Instant.parse("2018-11-21T21:25:32Z"));
    assertThat(item.pubStatus()).isEqualTo(PubStatus.USABLE);
    assertThat(item.headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
    assertThat(item.bylines()).containsExactly("Meredith Jameson");
    assertThat(item.located()).isEqualTo("New York, NY");
    assertThat(item.language()).isEqualTo("en-US");
    assertThat(item.copyright()).isEqualTo("Copyright 2017-18 Acme News and Media LLC");
    assertThat(item.provider()).isEqualTo("Associated Press");
    assertThat(item.subjects())
        .extracting(Subject::code)
        .contains("medtop:04000000", "medtop:20000350", "medtop:20000379");
    assertThat(item.subjects()).extracting(Subject::name).contains("central bank");
    assertThat(item.body()).hasSize(2).allMatch(b -> b instanceof Block.Paragraph);
    assertThat(text(item)).startsWith("(New York, NY - October 21) Et, sent luptat");
  }

  @Test
  void newsml_embargo_usage_terms_and_located_are_read() {
    var item = one("newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml");
    assertThat(item.embargo()).isEqualTo(Instant.parse("2018-10-23T12:00:00Z"));
    assertThat(item.usageTerms()).isEqualTo("Not for use outside the United States");
    assertThat(item.located()).isEqualTo("Berlin");
    assertThat(item.edNote()).startsWith("Note to editors: STRICTLY EMBARGOED.");
    assertThat(item.firstCreated()).isEqualTo(Instant.parse("2016-10-18T18:12:21Z"));
  }

  @Test
  void newsml_picture_has_renditions_caption_credit_and_photographer() {
    var item = one("newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml");
    assertThat(item.kind()).isEqualTo(ItemKind.PICTURE);
    assertThat(item.creditLine()).isEqualTo("Getty Images");
    assertThat(item.usageTerms()).startsWith("Contact your local office for all commercial");
    var picture = item.pictures().get(0);
    assertThat(picture.byline()).isEqualTo("Spencer Platt");
    assertThat(picture.caption()).startsWith("A general view of part of downtown");
    assertThat(picture.largestFirst().get(0).href()).isEqualTo("./GYI0062134533.jpg");
    assertThat(picture.largestFirst().get(0).width()).isEqualTo(1500);
    assertThat(picture.renditions()).hasSize(3);
  }

  @Test
  void reuters_versions_share_a_guid_and_the_later_one_kills_the_story() {
    var usable = one("agencies/tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838");
    var killed = one("agencies/tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538");
    assertThat(usable.guid())
        .isEqualTo(killed.guid())
        .isEqualTo("tag:reuters.com,0000:newsml_L1N14N0FF");
    assertThat(usable.pubStatus()).isEqualTo(PubStatus.USABLE);
    assertThat(killed.pubStatus()).isEqualTo(PubStatus.CANCELED);
    assertThat(killed.supersedes(usable.version(), usable.versionCreated())).isTrue();
    assertThat(usable.creditLine()).isEqualTo("Reuters");
    assertThat(usable.urgency()).isEqualTo(3);
    assertThat(usable.copyright()).startsWith("(c) Copyright Thomson Reuters 2016");
    assertThat(usable.subjects()).extracting(Subject::code).contains("subj:17000000", "N2:WEA");
    assertThat(usable.subjects())
        .filteredOn(s -> s.code().equals("subj:17000000"))
        .extracting(Subject::name)
        .containsExactly("weather");
    assertThat(usable.body()).hasSize(16);
    assertThat(text(usable)).contains("(Reporting by David Bailey in Minneapolis");
  }

  @Test
  void reuters_picture_names_renditions_delivered_beside_it() {
    var item = one("agencies/tag_reuters.com_2014_newsml_LYNXMPEA6F0MS_version_2");
    var picture = item.pictures().get(0);
    assertThat(picture.caption()).endsWith("REUTERS/Syria TV via Reuters TV");
    assertThat(picture.credit()).isEqualTo("Reuters");
    assertThat(picture.renditions())
        .extracting(Rendition::residref)
        .contains(
            "tag_reuters.com_2014_binary_LYNXMPEA6F0MS-VIEWIMAGE",
            "tag_reuters.com_2014_binary_LYNXMPEA6F0MS-THUMBNAIL");
    assertThat(picture.largestFirst().get(0).name()).isEqualTo("filedImage");
  }

  @Test
  void reuters_package_groups_its_main_story_with_photos() {
    var item = one("agencies/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10");
    assertThat(item.kind()).isEqualTo(ItemKind.PACKAGE);
    assertThat(item.headline()).isEqualTo("Confident Assad launches new term in stronger position");
    assertThat(item.bylines()).containsExactly("Marwan Makdisi");
    assertThat(item.usageTerms()).isEqualTo("NO ARCHIVAL USE");
    assertThat(item.members())
        .filteredOn(PackageMember::isMain)
        .extracting(PackageMember::guid)
        .containsExactly(
            "tag_reuters.com_2014_newsml_KBN0FL0NN",
            "tag_reuters.com_2014_newsml_LYNXMPEA6F13M",
            "tag_reuters.com_2014_newsml_LYNXMPEA6F0MS",
            "tag_reuters.com_2014_newsml_LYNXMPEA6F0MT");
    assertThat(item.members())
        .filteredOn(m -> !m.isMain())
        .extracting(PackageMember::guid)
        .containsExactly("tag_reuters.com_2014_newsml_KBN0FL0ZP");
    assertThat(item.pictures()).hasSize(3);
  }

  @Test
  void dpa_xhtml_body_skips_the_header_and_keeps_dateline_credit_and_german_rights() {
    var item = one("agencies/dpa.xml");
    assertThat(item.headline())
        .isEqualTo("Eintracht in London: Hintereggers Tränen und Attacke auf Reporter");
    assertThat(item.dateline()).isEqualTo("London (dpa)");
    assertThat(item.creditLine()).isEqualTo("dpa");
    assertThat(item.language()).isEqualTo("de");
    assertThat(item.copyright())
        .isEqualTo("Copyright 2022, dpa (www.dpa.de). Alle Rechte vorbehalten");
    assertThat(item.usageTerms()).isEqualTo("Nutzung nur nach schriftlicher Vereinbarung mit dpa");
    assertThat(item.subjects()).extracting(Subject::code).contains("medtop:20001065");
    assertThat(text(item))
        .startsWith("London (dpa) - 2019 gab es bittere Tränen")
        .doesNotContain("Champions League Frankfurt London");
  }

  @Test
  void ap_news_message_carries_three_stories() {
    var items = read("agencies/ap.xml");
    assertThat(items)
        .extracting(WireItem::headline)
        .containsExactly(
            "Nutrisystem beats 4Q earnings and revenue expectations",
            "DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations",
            "Scripps Networks tops 4Q profit and revenue expectations");
    assertThat(items.get(0).dateline()).isEqualTo("FORT WASHINGTON, Pa.");
    assertThat(items.get(0).edNote()).isEqualTo("Eds: Adds full-year results.");
    assertThat(items.get(0).body().get(9)).isInstanceOf(Block.Paragraph.class);
    assertThat(((Block.Paragraph) items.get(0).body().get(9)).html())
        .contains("<a href=\"http://www.automatedinsights.com/ap\"");
  }

  @Test
  void ansa_plain_text_body_and_sub_headline_and_offsets_without_colon() {
    var item = one("agencies/ansa-newsmlg2-text.xml");
    assertThat(item.standfirst())
        .isEqualTo("Foreign minister expresses faith in Spanish government");
    assertThat(item.located()).isEqualTo("Rome");
    assertThat(item.versionCreated()).isEqualTo(Instant.parse("2017-10-11T09:41:00Z"));
    assertThat(item.body()).hasSize(4);
    assertThat(item.pictures()).hasSize(1);
  }

  @Test
  void standalone_nitf_from_ap_aap_efe_pa_and_ntb() {
    var ap = one("agencies/ap-nitf.xml");
    assertThat(ap.bylines()).containsExactly("BERNARD CONDON");
    assertThat(ap.dateline()).isEqualTo("NEW YORK");
    assertThat(ap.copyright()).isEqualTo("© 2015 AP");
    assertThat(ap.provider()).isEqualTo("The Associated Press");
    var aap = one("agencies/aap.xml");
    assertThat(aap.guid()).isEqualTo("AAP.115314987.5417374");
    assertThat(aap.urgency()).isEqualTo(5);
    assertThat(aap.bylines()).containsExactly("John Doe");
    assertThat(aap.versionCreated()).isEqualTo(Instant.parse("2013-10-20T08:27:51Z"));
    assertThat(aap.subjects()).extracting(Subject::code).contains("subj:02003001");
    assertThat(aap.copyright()).isEqualTo("© 2013 Australian Associated Press");
    var efe = one("agencies/efe_nitf.xml");
    assertThat(efe.standfirst()).isEqualTo("Test Abstract");
    assertThat(efe.subjects()).extracting(Subject::code).contains("subj:11006005", "efe:F01001000");
    var pa = one("agencies/pa1.xml");
    assertThat(pa.versionCreated()).isEqualTo(Instant.parse("2015-10-14T03:30:01Z"));
    assertThat(pa.body().size()).isGreaterThan(40);
    var ntb = one("agencies/nitf-ntb.xml");
    assertThat(ntb.version()).isEqualTo(48);
    assertThat(ntb.language()).isEqualTo("nb-NO");
    assertThat(ntb.body())
        .anyMatch(b -> b instanceof Block.Heading h && h.text().equals("Påstand"));
    assertThat(ntb.body()).anyMatch(b -> b instanceof Block.ListBlock);
  }

  @Test
  void superdesk_ninjs_embargo_and_featured_picture() {
    var embargoed = one("agencies/ninjs_embargoed.json");
    assertThat(embargoed.embargo()).isNotNull();
    assertThat(embargoed.version()).isEqualTo(11);
    var withPicture = one("agencies/ninjs2.json");
    assertThat(withPicture.pictures()).hasSize(1);
    assertThat(withPicture.pictures().get(0).byline()).isEqualTo("Bebeto Matthews");
    assertThat(withPicture.pictures().get(0).largestFirst().get(0).width()).isEqualTo(3489);
    var plain = one("agencies/ninjs1.json");
    assertThat(plain.bylines()).containsExactly("Peter and Jane");
    assertThat(plain.usageTerms()).isEqualTo("Usage");
    assertThat(plain.located()).isEqualTo("Milton Keynes");
    assertThat(plain.language()).isEqualTo("fr");
  }

  @Test
  void ap_media_api_envelope_and_bbc_list_are_read() {
    var picture = one("agencies/ap_media_picture.json");
    assertThat(picture.kind()).isEqualTo(ItemKind.PICTURE);
    assertThat(picture.creditLine()).isEqualTo("john Doe/Something/AP");
    assertThat(picture.usageTerms()).startsWith("This content is intended for editorial use only");
    var bbc = one("agencies/bbc-ninjs-text-test.json");
    assertThat(bbc.guid()).isEqualTo("https://www.example.com//12345");
    assertThat(bbc.bylines()).containsExactly("John Doe");
  }

  @Test
  void ninjs_examples_of_every_major_version() {
    var v1 = one("ninjs/1.4/ninjsExComplex1.json");
    assertThat(v1.located()).isEqualTo("Grossetto, Italy");
    assertThat(v1.subjects())
        .anyMatch(s -> s.type() == Subject.Type.PERSON && s.name().equals("Francesco Schettino"));
    assertThat(v1.pictures()).hasSize(1);
    var v2 = one("ninjs/2.1/ap_image.json");
    assertThat(v2.creditLine()).isEqualTo("ASSOCIATED PRESS");
    assertThat(v2.urgency()).isEqualTo(5);
    assertThat(v2.format()).isEqualTo("ninjs 2");
    var v3 = one(
        "ninjs/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json");
    assertThat(v3.format()).isEqualTo("ninjs 3");
    assertThat(v3.subjects()).extracting(Subject::code).contains("medtop:15000000");
    assertThat(v3.body().size()).isGreaterThan(5);
    var dpa = one("ninjs/3.0/dpa_text.json");
    assertThat(dpa.bylines()).containsExactly("Christian Hollmann, dpa");
  }

  @Test
  void the_contentmeta_fragment_is_refused_but_names_what_it_is() {
    assertThatThrownBy(
            () -> read("newsml-g2/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"))
        .isInstanceOf(NotAStory.class)
        .hasMessageContaining("contentMeta");
  }
}
