// Test helper: just enough of a browser for the single sign-on flow — a cookie jar that honours cookie
// paths (oidc-provider scopes its interaction cookies to one path) and redirects followed by hand.

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** A browser without a screen: cookies, page loads that follow redirects, and calls to the API. */
export interface TestBrowser {
  /** Loads `url`, following redirects until one leads to a URL starting with `stopAt` (or a page loads). */
  open(url: string, stopAt?: string[]): Promise<{ url: string; status: number; body: string }>;
  /** Calls the platform's JSON API the way the web app does (cookies plus the CSRF header on writes). */
  api(
    path: string,
    options?: { method?: string; body?: unknown },
  ): Promise<{ status: number; json: unknown }>;
  /** Signs in through the API, as the login page does. */
  signIn(login: string, password: string): Promise<void>;
  cookie(name: string): string | undefined;
}

/** A fresh browser (no cookies) for the platform at `base`. */
export function testBrowser(base: string): TestBrowser {
  const jar = new Map<string, StoredCookie>();

  const store = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attribute = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute("path") ?? "/";
      const expires = attribute("expires");
      const gone =
        attribute("max-age") === "0" || (expires !== undefined && Date.parse(expires) < Date.now());
      if (gone || value === "") jar.delete(`${name};${path}`);
      else jar.set(`${name};${path}`, { name, value, path });
    }
  };

  const cookieHeader = (url: URL) =>
    [...jar.values()]
      .filter(
        (c) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");

  const request = async (
    url: URL,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, cookie: cookieHeader(url) },
    });
    store(response);
    return response;
  };

  const cookie = (name: string) => [...jar.values()].find((c) => c.name === name)?.value;

  const browser: TestBrowser = {
    cookie,
    async open(start, stopAt = []) {
      let url = new URL(start, base);
      let form: { method: string; body: string } | undefined;
      for (let hops = 0; hops < 20; hops++) {
        const response = await request(
          url,
          form
            ? {
                ...form,
                headers: {
                  "content-type": "application/x-www-form-urlencoded",
                  origin: new URL(base).origin,
                },
              }
            : {},
        );
        const location = response.headers.get("location");
        if (response.status < 300 || response.status >= 400 || !location) {
          const body = await response.text();
          const autoSubmit = autoSubmittedForm(body);
          if (!autoSubmit) return { url: url.href, status: response.status, body };
          // What a browser's script does with oidc-provider's self-submitting forms (form_post, logout).
          url = new URL(autoSubmit.action, url);
          form = { method: "POST", body: autoSubmit.body };
          continue;
        }
        await response.arrayBuffer();
        form = undefined;
        url = new URL(location, url);
        if (stopAt.some((prefix) => url.href.startsWith(new URL(prefix, base).href))) {
          return { url: url.href, status: response.status, body: "" };
        }
      }
      throw new Error(`too many redirects from ${start}`);
    },
    async api(path, options = {}) {
      if (!cookie("tb_csrf")) await request(new URL("/healthz", base));
      const method = options.method ?? "GET";
      const response = await request(new URL(path, base), {
        method,
        headers: {
          accept: "application/json",
          ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
          ...(method !== "GET" ? { "x-csrf-token": cookie("tb_csrf") ?? "" } : {}),
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    async signIn(login, password) {
      const { status, json } = await browser.api("/api/session", {
        method: "POST",
        body: { login, password },
      });
      if (status !== 200) throw new Error(`sign-in as ${login} failed: ${status} ${JSON.stringify(json)}`);
    },
  };
  return browser;
}

const entities: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&amp;": "&",
};
const decodeHtml = (text: string) =>
  text.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => entities[entity] ?? entity);

/** The target and fields of a page whose script submits its one form on load, if the page is one. */
function autoSubmittedForm(html: string): { action: string; body: string } | undefined {
  if (!html.includes("document.forms[0].submit()")) return undefined;
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) return undefined;
  const fields = new URLSearchParams();
  for (const [, name = "", value = ""] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  )) {
    fields.append(name, decodeHtml(value));
  }
  return { action: decodeHtml(action), body: fields.toString() };
}
