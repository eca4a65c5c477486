package dev.interlock.adapter.rhino.internal.node;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.mozilla.javascript.ScriptRuntime;

/**
 * {@code Number.prototype.toLocaleString(locales, options)} on the JDK's CLDR locale data (Rhino has
 * no {@code Intl}). Covers the decimal, percent and currency styles with fraction digits and
 * grouping; the option rules and defaults are applied by the script side ({@code globals.js}).
 */
final class NumberFormats {
  private static final String TAG = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*";

  private NumberFormats() {}

  /** The currency's minor-unit digits (2 for USD, 0 for JPY); a RangeError for an unknown code. */
  static int currencyDigits(String code) {
    return currency(code).getDefaultFractionDigits();
  }

  static String format(double value, String tag, String style, String currencyCode, int minFraction, int maxFraction,
      boolean grouping) {
    Locale locale = locale(tag);
    if (Double.isNaN(value)) {
      return "NaN";
    }
    NumberFormat f;
    switch (style) {
      case "percent":
        f = NumberFormat.getPercentInstance(locale);
        break;
      case "currency":
        f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(currency(currencyCode));
        break;
      default:
        f = NumberFormat.getNumberInstance(locale);
    }
    f.setMinimumFractionDigits(minFraction);
    f.setMaximumFractionDigits(maxFraction);
    f.setGroupingUsed(grouping);
    // JavaScript rounds half away from zero, on the number's shortest decimal form (1.005 -> 1.01).
    f.setRoundingMode(RoundingMode.HALF_UP);
    if (Double.isInfinite(value)) {
      return f.format(value);
    }
    return f.format(new BigDecimal(Double.toString(value)));
  }

  private static Locale locale(String tag) {
    if (tag.isEmpty()) {
      return Locale.US;
    }
    if (!tag.matches(TAG)) {
      throw ScriptRuntime.constructError("RangeError", "Incorrect locale information provided");
    }
    Locale l = Locale.forLanguageTag(tag);
    return l.getLanguage().isEmpty() ? Locale.US : l;
  }

  private static Currency currency(String code) {
    try {
      if (code.matches("[A-Z]{3}")) {
        return Currency.getInstance(code);
      }
    } catch (IllegalArgumentException e) {
      // an ISO-shaped code the JDK does not know: refused below like a malformed one
    }
    throw ScriptRuntime.constructError("RangeError", "Invalid currency code : " + code);
  }
}
