import * as Inputs from "./vendor/inputs.js";

/**
 * Keeps an input's value in the page URL (?year=2025&unit=farsta) so a view can be linked and
 * bookmarked: the initial value is read from the URL, and every change is written back.
 */
export function urlParam(name, fallback, parse = (s) => s) {
  const value = new URLSearchParams(location.search).get(name);
  return value === null ? fallback : parse(value);
}

export function keepInUrl(input, name) {
  input.addEventListener("input", () => {
    const url = new URL(location.href);
    url.searchParams.set(name, String(input.value));
    history.replaceState(null, "", url);
  });
  return input;
}

/** A year select shown as plain years (Inputs would print 2024 as "2,024"), kept in the URL. */
export function yearSelect(years, {label = "År", value = years.at(-1)} = {}) {
  // A link may carry a year this page has no data for: then the default.
  const fromUrl = urlParam("year", value, Number);
  return keepInUrl(Inputs.select(years, {label, value: years.includes(fromUrl) ? fromUrl : value, format: String}), "year");
}
