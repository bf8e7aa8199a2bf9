import fs from "node:fs";

/** The system Chromium that end-to-end tests drive; Playwright's own browser download is not used. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((p) => p && fs.existsSync(p));
}

export const INSTALL_HINT =
  "No Chromium found for the end-to-end tests.\n" +
  "Install Debian's browser:  sudo apt-get install -y --no-install-recommends chromium\n" +
  "or point CHROMIUM_PATH at a Chromium or Chrome binary.";
