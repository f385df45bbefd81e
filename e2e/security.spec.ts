import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { apiAs, sampleArticleId, signIn } from "./helpers";

// Same-site request forgery, app-page CSP and malformed addresses, in Chromium against the
// production build. The forged requests come from a page served on another port of the same
// host: same-site for the browser, so the SameSite=Lax session cookie goes along.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const APP = `http://localhost:${PORT}`;
// import.spec.ts serves on PORT + 1000.
const EVIL_PORT = PORT + 1001;

/** Collects CSP violations reported by the page and the console. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  return violations;
}

async function reportedViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

test("app pages send a nonce CSP with frame-ancestors 'self' and run without a violation", async ({ page }) => {
  test.setTimeout(240_000);
  const violations = watchCsp(page);
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener("securitypolicyviolation", (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const signInPage = await page.request.get("/sign-in");
  const csp = signInPage.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).not.toContain("unsafe-eval");

  await signIn(page, "admin");
  const api = await apiAs(APP, "admin");
  const articleId = await sampleArticleId(api);
  await api.dispose();
  for (const path of ["/articles", "/articles/new", `/articles/${articleId}`, "/admin/members", "/admin/scale", "/admin/workspace", "/settings/tokens"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const header = res!.headers()["content-security-policy"];
    expect(header, path).toContain("frame-ancestors 'self'");
    const nonce = /'nonce-([^']+)'/.exec(header)![1];
    // Every script Next rendered carries this response's nonce.
    const scripts = await page.locator("script").evaluateAll((els) => els.map((s) => (s as HTMLScriptElement).nonce));
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce), path).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await reportedViolations(page), path).toEqual([]);
  }
  // The editor is interactive (its scripts ran): the claim panel is there.
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the embed stays frameable by other sites and the reader page does not", async ({ request }) => {
  const embed = await request.get("/embed/no-such-article");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const app = await request.get("/sign-in");
  expect(app.headers()["content-security-policy"]).not.toContain("frame-ancestors *");
});

test("a page on another port of the same host cannot write as the signed-in editor", async ({ page }) => {
  const api = await apiAs(APP, "editor");
  const articleId = await sampleArticleId(api);
  const claims = (await (await api.get(`/api/v1/articles/${articleId}/claims`)).json()) as { claims: Array<{ id: string }> };
  let claimId = claims.claims[0]?.id;
  if (!claimId) {
    const created = await api.post(`/api/v1/articles/${articleId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact: "Putin" }] } } });
    claimId = ((await created.json()) as { id: string }).id;
  }
  const marker = `forged ${Date.now()}`;
  const target = `${APP}/api/v1/claims/${claimId}/comments`;
  const evil = `<!doctype html><html><body>
    <form id="f" method="POST" action="${target}" enctype="text/plain" target="sink"><input name='{"body":"${marker} form","x":"' value='"}'></form>
    <iframe name="sink"></iframe>
    <script>
      window.results = [];
      const send = (label, init) => fetch(${JSON.stringify(target)}, { method: "POST", credentials: "include", ...init })
        .then((r) => window.results.push(label + " " + r.status + " " + r.type), (e) => window.results.push(label + " failed"));
      Promise.all([
        send("no-cors text", { mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ body: ${JSON.stringify(marker)} + " no-cors" }) }),
        send("cors json", { mode: "cors", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ body: ${JSON.stringify(marker)} + " cors" }) }),
      ]).then(() => { document.getElementById("f").submit(); window.done = true; });
    </script></body></html>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(evil);
  });
  await new Promise<void>((resolve) => server.listen(EVIL_PORT, "127.0.0.1", resolve));
  try {
    await signIn(page, "editor");
    await page.goto(`http://localhost:${EVIL_PORT}/`);
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true);
    await page.waitForTimeout(1500);
    const comments = (await (await api.get(`/api/v1/claims/${claimId}/comments`)).json()) as { comments: Array<{ body: string }> };
    expect(comments.comments.filter((c) => c.body.includes(marker))).toEqual([]);

    // The same request from the app's own origin works, so the refusal above was the origin check.
    const own = await api.post(`/api/v1/claims/${claimId}/comments`, { data: { body: `${marker} own` } });
    expect(own.status()).toBe(201);
    const forged = await api.post(`/api/v1/claims/${claimId}/comments`, { data: { body: "x" }, headers: { Origin: `http://localhost:${EVIL_PORT}` } });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.message).toMatch(/another site/);
  } finally {
    server.close();
    await api.dispose();
  }
});

test("a malformed escape in an address answers 400, as JSON under /api", async ({ request }) => {
  const api = await request.get("/api/v1/claims/%ZZ");
  expect(api.status()).toBe(400);
  expect((await api.json()).error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/%25/) });
  const pageRes = await request.get("/articles/%ZZ");
  expect(pageRes.status()).toBe(400);
  expect(await pageRes.text()).toContain("Bad address");
});
