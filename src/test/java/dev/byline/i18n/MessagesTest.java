package dev.byline.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundles against each other and against every key the templates and page classes ask for. */
class MessagesTest {
  /** {@code t.text("key"}, {@code t.plural("key"}, also split over lines. */
  private static final Pattern ASKED =
      Pattern.compile("\\.(text|plural)\\(\\s*\"([a-z][a-z0-9._-]*)\"");

  /** Texts that are rightly the same as English in a language. */
  private static final Set<String> SAME = Set.of(
      "fr:list.title.page",
      "fr:consent.questions.title",
      "es:error.kicker",
      "de:footer.newsletter",
      "de:newsletter.title");

  @Test
  void every_bundle_has_every_english_key_and_the_plural_forms_its_language_needs() {
    for (var language : Messages.SHIPPED) {
      assertThat(Messages.missingFrom(language, Messages.bundle(language)))
          .as("keys missing from messages_" + language)
          .isEmpty();
    }
  }

  @Test
  void no_bundle_has_a_key_english_lacks_so_a_misspelt_key_is_caught() {
    var english = Messages.bundle("en").keySet();
    var plurals = new TreeSet<String>();
    for (var k : english) if (k.endsWith(".other")) plurals.add(k.substring(0, k.length() - 6));
    for (var language : Messages.SHIPPED) {
      var extra = new ArrayList<String>();
      for (var key : Messages.bundle(language).keySet()) {
        if (english.contains(key)) continue;
        var base = key.replaceAll("\\.(zero|one|two|few|many|other)$", "");
        if (!plurals.contains(base)) extra.add(key);
      }
      assertThat(extra)
          .as("keys in messages_" + language + " that English lacks")
          .isEmpty();
    }
  }

  @Test
  void no_translation_is_empty_or_left_in_english_where_it_should_not_be() {
    var english = Messages.bundle("en");
    for (var language : Messages.SHIPPED) {
      if (language.equals("en")) continue;
      var bundle = Messages.bundle(language);
      var same = new ArrayList<String>();
      bundle.forEach((k, v) -> {
        assertThat(v).as(language + " " + k).isNotBlank();
        // Words that are the same in several languages (Video, Name, Live, "?", ".") are allowed.
        if (v.equals(english.get(k)) && v.length() > 8 && !SAME.contains(language + ":" + k))
          same.add(k);
      });
      assertThat(same).as("untranslated in messages_" + language).isEmpty();
    }
  }

  @Test
  void placeholders_match_english_in_every_bundle() {
    var english = Messages.bundle("en");
    var placeholder = Pattern.compile("\\{\\d}");
    for (var language : Messages.SHIPPED) {
      Messages.bundle(language).forEach((k, v) -> {
        var base = k.replaceAll("\\.(zero|one|two|few|many|other)$", ".other");
        var reference = english.getOrDefault(k, english.get(base));
        if (reference == null) return;
        var want = new TreeSet<String>();
        placeholder.matcher(reference).results().forEach(m -> want.add(m.group()));
        var got = new TreeSet<String>();
        placeholder.matcher(v).results().forEach(m -> got.add(m.group()));
        // A plural form may say the count in words ("one result", Arabic's "نتيجتان").
        if (k.matches(".*\\.(zero|one|two)$")) want.remove("{0}");
        got.remove(k.matches(".*\\.(zero|one|two)$") ? "{0}" : "");
        assertThat(got).as(language + " " + k + " placeholders").isEqualTo(want);
      });
    }
  }

  @Test
  void every_key_a_template_or_page_class_asks_for_is_in_english() throws IOException {
    var english = Messages.bundle("en").keySet();
    var asked = new TreeSet<String>();
    for (var root : new String[] {
      "src/main/jte/site",
      "src/main/jte/tag",
      "src/main/jte/feed",
      "src/main/jte/mail",
      "src/main/jte-text/mailtext",
      "src/main/java/dev/byline/site",
      "src/main/java/dev/byline/newsletter",
      "src/main/java/dev/byline"
    }) {
      try (Stream<Path> files = Files.walk(Path.of(root), root.endsWith("byline") ? 1 : 5)) {
        for (var f : files.filter(Files::isRegularFile).toList()) {
          var m = ASKED.matcher(Files.readString(f));
          while (m.find()) asked.add(m.group(1) + ":" + m.group(2));
        }
      }
    }
    assertThat(asked).as("keys asked for").hasSizeGreaterThan(100);
    var missing = new ArrayList<String>();
    for (var a : asked) {
      var kind = a.substring(0, a.indexOf(':'));
      var key = a.substring(a.indexOf(':') + 1);
      // A key built from a prefix ("consent.category." + id) is checked by rendering.
      if (key.endsWith(".")) continue;
      boolean found =
          kind.equals("text") ? english.contains(key) : english.contains(key + ".other");
      if (!found) missing.add(a);
    }
    assertThat(missing).as("keys asked for but not in messages_en").isEmpty();
  }

  @Test
  void every_newsletter_word_is_in_every_language_and_its_consent_words_differ_by_language() {
    var english = Messages.bundle("en");
    var newsletterKeys = new TreeSet<String>();
    for (var k : english.keySet()) if (k.startsWith("newsletter.")) newsletterKeys.add(k);
    assertThat(newsletterKeys)
        .as("the newsletter's keys: pages, consent words and mails")
        .contains("newsletter.wording", "newsletter.mail.confirm.subject")
        .contains("newsletter.mail.briefing.subject", "newsletter.mail.alert.subject")
        .contains("newsletter.mail.why.subscribed", "newsletter.mail.unsubscribe")
        .hasSizeGreaterThan(35);
    var versions = new TreeSet<String>();
    for (var language : Messages.SHIPPED) {
      var bundle = Messages.bundle(language);
      var missing = Messages.missingFrom(language, bundle).stream()
          .filter(k -> k.startsWith("newsletter."))
          .toList();
      assertThat(missing)
          .as("newsletter keys missing from messages_" + language)
          .isEmpty();
      var t = Messages.of(Locale.forLanguageTag(language));
      assertThat(t.plural("newsletter.mail.confirm.expiry", 48)).contains("48");
      for (var keys : java.util.List.of(
          dev.byline.newsletter.Wording.SIGN_UP,
          dev.byline.newsletter.Wording.CONFIRM,
          dev.byline.newsletter.Wording.UNSUBSCRIBE)) {
        var w = dev.byline.newsletter.Wording.of(t, keys);
        assertThat(w.language()).isEqualTo(language);
        assertThat(w.version()).contains("." + language + ".");
        assertThat(dev.byline.newsletter.Wording.find(w.version(), keys)).contains(w);
        versions.add(w.version());
      }
    }
    assertThat(versions).as("one version per language and wording").hasSize(15);
  }

  @Test
  void scripts_ask_only_for_js_keys_english_has() throws IOException {
    var english = Messages.bundle("en").keySet();
    var say = Pattern.compile("say\\((?:on \\? )?'([a-z.]+)'(?: : '([a-z.]+)')?");
    var missing = new ArrayList<String>();
    int asked = 0;
    for (var script : new String[] {"live.js", "for-you.js"}) {
      var m = say.matcher(Files.readString(Path.of("src/main/resources/static", script)));
      while (m.find()) {
        for (int g = 1; g <= 2; g++) {
          var key = m.group(g);
          if (key == null) continue;
          asked++;
          if (!english.contains("js." + key) && !english.contains("js." + key + ".other"))
            missing.add(script + ": " + key);
        }
      }
    }
    assertThat(asked).isGreaterThan(10);
    assertThat(missing).isEmpty();
  }

  @Test
  void plural_forms_follow_each_languages_rules() {
    var ar = Messages.of(Locale.forLanguageTag("ar"));
    assertThat(ar.plural("js.live.new", 0)).isEqualTo("لا تحديثات جديدة");
    assertThat(ar.plural("js.live.new", 1)).isEqualTo("تحديث جديد واحد");
    assertThat(ar.plural("js.live.new", 2)).isEqualTo("تحديثان جديدان");
    assertThat(ar.plural("js.live.new", 3)).isEqualTo("3 تحديثات جديدة");
    assertThat(ar.plural("js.live.new", 11)).isEqualTo("11 تحديثًا جديدًا");
    assertThat(ar.plural("js.live.new", 100)).isEqualTo("100 تحديث جديد");
    assertThat(ar.plural("js.live.new", 103)).isEqualTo("103 تحديثات جديدة");

    var en = Messages.of(Locale.ENGLISH);
    assertThat(en.plural("search.results", 1)).isEqualTo("1 result");
    assertThat(en.plural("search.results", 0)).isEqualTo("0 results");
    assertThat(en.plural("search.results", 1234)).isEqualTo("1,234 results");

    var fr = Messages.of(Locale.FRENCH);
    assertThat(fr.plural("search.results", 0)).isEqualTo("0 résultat");
    assertThat(fr.plural("search.results", 2)).isEqualTo("2 résultats");
    assertThat(fr.plural("search.results", 1_000_000))
        .isEqualTo("1\u202f000\u202f000 de résultats");

    var de = Messages.of(Locale.GERMAN);
    assertThat(de.plural("js.live.new", 1)).isEqualTo("1 neue Meldung");
    assertThat(de.plural("js.live.new", 1234)).isEqualTo("1.234 neue Meldungen");
    assertThat(Messages.of(Locale.forLanguageTag("es")).plural("cookies.months", 6))
        .isEqualTo("6 meses");
  }

  @Test
  void a_key_no_bundle_has_fails_loudly_instead_of_showing_the_key() {
    var de = Messages.of(Locale.GERMAN);
    assertThatThrownBy(() -> de.text("front.headlne"))
        .isInstanceOf(Messages.MissingMessage.class)
        .hasMessageContaining("front.headlne")
        .hasMessageContaining("messages_de");
  }

  @Test
  void an_unshipped_language_is_refused_with_the_list_of_languages() {
    assertThatThrownBy(() -> Messages.of(Locale.forLanguageTag("pt-BR")))
        .isInstanceOf(Messages.UnknownLanguage.class)
        .hasMessageContaining("pt-BR")
        .hasMessageContaining("en, de, fr, es, ar");
  }

  @Test
  void a_regional_tag_reads_its_languages_bundle_and_keeps_the_tag() {
    var gb = Messages.of(Locale.forLanguageTag("en-GB"));
    assertThat(gb.lang()).isEqualTo("en-GB");
    assertThat(gb.language()).isEqualTo("en");
    assertThat(gb.text("layout.home")).isEqualTo("Home");
  }

  @Test
  void arabic_is_right_to_left_and_the_others_left_to_right() {
    assertThat(Messages.of(Locale.forLanguageTag("ar")).dir()).isEqualTo("rtl");
    for (var l : Set.of("en", "de", "fr", "es"))
      assertThat(Messages.of(Locale.forLanguageTag(l)).dir()).isEqualTo("ltr");
  }
}
