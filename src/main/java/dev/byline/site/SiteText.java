package dev.byline.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.i18n.Messages;
import dev.byline.json.Json;
import dev.byline.web.StaticAssets;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * The words the site's own scripts show ("3 new updates", "Follow"), as a static asset per
 * language ({@code text-de.js}): the {@code js.*} keys of its bundle and {@code bylineText.say},
 * which picks plural forms with the browser's {@code Intl.PluralRules} (the same CLDR rules the
 * server uses). Loaded before every other script; pages stay the same cached bytes.
 */
public final class SiteText {
  private SiteText() {}

  public static String assetName(String language) {
    return "text-" + language + ".js";
  }

  /** {@code assets} with one text script per shipped language (each bundle checked on the way). */
  public static StaticAssets addTo(StaticAssets assets) {
    var out = assets;
    for (var language : Messages.SHIPPED) {
      out = out.with(assetName(language), script(Messages.of(Locale.forLanguageTag(language))));
    }
    return out;
  }

  static byte[] script(Messages t) {
    var texts = new LinkedHashMap<String, String>();
    t.startingWith("js.").forEach((k, v) -> texts.put(k.substring(3), v));
    String json;
    try {
      // "<" escaped so the JSON stays inert even if it is ever inlined in a page.
      json = Json.MAPPER.writeValueAsString(texts).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    var js = "(function(){'use strict';\n"
        + "var lang=" + quoted(t.language()) + ",t=" + json + ";\n"
        // Intl objects are made on the first count: creating them loads the browser's locale
        // data, some 40 ms of main thread on a phone, and most pages never count anything.
        + "var rules,digits;\n"
        + "function intl(){\n"
        + "  if(rules===undefined){rules=window.Intl&&Intl.PluralRules?new Intl.PluralRules(lang):null;"
        + "digits=window.Intl?new Intl.NumberFormat(lang+'-u-nu-latn'):null;}\n"
        + "}\n"
        + "function say(key,n){\n"
        + "  if(n!==undefined)intl();\n"
        + "  var s=n===undefined?t[key]:(t[key+'.'+(rules?rules.select(n):(n===1?'one':'other'))]||t[key+'.other']);\n"
        + "  if(s===undefined)throw new Error('no text '+key);\n"
        + "  return n===undefined?s:s.split('{0}').join(digits?digits.format(n):String(n));\n"
        + "}\n"
        + "window.bylineText={lang:lang,say:say};\n"
        + "})();\n";
    return js.getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String s) {
    return "'" + s.replaceAll("[^a-z-]", "") + "'";
  }
}
