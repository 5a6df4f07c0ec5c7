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
