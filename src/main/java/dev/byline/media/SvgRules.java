package dev.byline.media;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an SVG drawing may contain: drawing elements and presentation attributes, nothing that
 * runs, loads or animates. Each check answers the reason a value is refused, or null when it is
 * allowed; {@link SvgSanitiser} adds the line.
 */
final class SvgRules {
  static final String SVG_NS = "http://www.w3.org/2000/svg";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";
  static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  /** Shapes, text, grouping, gradients, clipping and masking; {@code use} of internal ids only. */
  static final Set<String> ELEMENTS = Set.of(
      "svg",
      "g",
      "path",
      "rect",
      "circle",
      "ellipse",
      "line",
      "polyline",
      "polygon",
      "text",
      "tspan",
      "title",
      "desc",
      "defs",
      "linearGradient",
      "radialGradient",
      "stop",
      "clipPath",
      "mask",
      "symbol",
      "use");

  /** The elements whose text is drawn or read out; elsewhere only white space may appear. */
  static final Set<String> TEXT_ELEMENTS = Set.of("text", "tspan", "title", "desc");

  /**
   * Presentation properties: allowed as attributes and, by the same names, inside a {@code style}
   * attribute.
   */
  static final Set<String> PRESENTATION = Set.of(
      "fill",
      "fill-opacity",
      "fill-rule",
      "stroke",
      "stroke-width",
      "stroke-linecap",
      "stroke-linejoin",
      "stroke-miterlimit",
      "stroke-dasharray",
      "stroke-dashoffset",
      "stroke-opacity",
      "opacity",
      "clip-path",
      "clip-rule",
      "mask",
      "color",
      "display",
      "visibility",
      "overflow",
      "stop-color",
      "stop-opacity",
      "font-family",
      "font-size",
      "font-size-adjust",
      "font-weight",
      "font-style",
      "font-variant",
      "font-stretch",
      "text-anchor",
      "text-decoration",
      "dominant-baseline",
      "alignment-baseline",
      "baseline-shift",
      "letter-spacing",
      "word-spacing",
      "writing-mode",
      "direction",
      "unicode-bidi",
      "shape-rendering",
      "text-rendering",
      "color-interpolation",
      "vector-effect",
      "paint-order",
      "mix-blend-mode",
      "isolation",
      "transform-origin");

  /** Geometry, structure and accessibility attributes, in addition to {@link #PRESENTATION}. */
  static final Set<String> ATTRIBUTES = Set.of(
      "id",
      "class",
      "x",
      "y",
      "width",
      "height",
      "rx",
      "ry",
      "cx",
      "cy",
      "r",
      "fx",
      "fy",
      "fr",
      "x1",
      "y1",
      "x2",
      "y2",
      "dx",
      "dy",
      "rotate",
      "d",
      "points",
      "pathLength",
      "transform",
      "viewBox",
      "preserveAspectRatio",
      "version",
      "baseProfile",
      "gradientUnits",
      "gradientTransform",
      "spreadMethod",
      "offset",
      "clipPathUnits",
      "maskUnits",
      "maskContentUnits",
      "textLength",
      "lengthAdjust",
      "href",
      "style",
      "role",
      "aria-label",
      "aria-labelledby",
      "aria-describedby",
      "aria-hidden",
      "lang");

  /** An id as a fragment: the only thing an {@code href} or {@code url()} may point at. */
  private static final Pattern INTERNAL = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.:-]{0,200}");

  private static final Pattern URL_FUNCTION = Pattern.compile("(?i)url\\s*\\(");
  private static final Pattern INTERNAL_URL =
      Pattern.compile("(?i)url\\(\\s*(['\"]?)#[A-Za-z_][A-Za-z0-9_.:-]{0,200}\\1\\s*\\)");
  private static final Pattern EXPRESSION = Pattern.compile("expression\\s*\\(");
  private static final Pattern PROPERTY = Pattern.compile("[a-z-]{1,40}");

  private SvgRules() {}

  static boolean attributeAllowed(String name) {
    return ATTRIBUTES.contains(name) || PRESENTATION.contains(name);
  }

  /** Why an {@code href} is refused, or null: it must name an id in the same drawing. */
  static String href(String value) {
    if (INTERNAL.matcher(value.strip()).matches()) return null;
    return "must point inside the drawing (#id), not “" + shorten(value) + "”";
  }

  /** Why an attribute's value is refused, or null. Every value is read as CSS by some browser. */
  static String value(String value) {
    if (value.indexOf('\\') >= 0)
      return "contains a backslash (a CSS escape), which is not allowed";
    var lower = value.toLowerCase(Locale.ROOT);
    if (lower.contains("javascript:")) return "contains “javascript:”, which is not allowed";
    if (EXPRESSION.matcher(lower).find()) return "contains “expression(”, which is not allowed";
    var url = URL_FUNCTION.matcher(value);
    while (url.find()) {
      var internal = INTERNAL_URL.matcher(value);
      if (!internal.region(url.start(), value.length()).lookingAt())
        return "contains url(…) that does not point inside the drawing (only url(#id) is allowed)";
    }
    return null;
  }

  /** Why a {@code style} attribute is refused, or null: presentation properties only. */
  static String style(String value) {
    if (value.contains("@"))
      return "contains an at-rule (@import and the like), which is not allowed";
    if (value.contains("/*")) return "contains a CSS comment, which is not allowed";
    var refused = value(value);
    if (refused != null) return refused;
    for (var declaration : value.split(";")) {
      if (declaration.isBlank()) continue;
      int colon = declaration.indexOf(':');
      if (colon < 0)
        return "has “" + shorten(declaration.strip()) + "”, which is not a declaration";
      var property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!PROPERTY.matcher(property).matches() || !PRESENTATION.contains(property))
        return "sets “" + shorten(property) + "”, which is not a presentation property";
    }
    return null;
  }

  /** A value cut short for a message. */
  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "…";
  }
}
