// Writes /tmp/copy-<name>.txt: the text Chromium copies when the fixture page is selected from its
// headline to the last paragraph matching the selector (see lib/importing/fixtures/copied/README.md).
import { chromium } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
const [name, lastSel] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage();
await page.route("**/*", (r) => r.abort());
await page.setContent(readFileSync(`../shared/fixtures/articles/html/${name}/source.html`, "utf8"), { waitUntil: "domcontentloaded" });
const text = await page.evaluate((lastSel) => {
  const h1 = document.querySelector("h1")!;
  const ps = document.querySelectorAll(lastSel);
  const last = ps[ps.length - 1];
  const range = document.createRange();
  range.setStartBefore(h1);
  range.setEndAfter(last);
  const sel = getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return sel.toString();
}, lastSel);
writeFileSync(`/tmp/copy-${name}.txt`, text);
await browser.close();
