/** Where the tests expect the distribution's Chromium (Debian package `chromium`). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for a quiet, offline headless Chromium: the test machine has no internet, and without these
 * Chromium keeps trying to reach Google services (QUIC, component updates, sync) and stalls.
 */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
