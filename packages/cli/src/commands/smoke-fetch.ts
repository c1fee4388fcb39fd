// fetch with smoke's redirect handling. fetch's own "follow" drops Authorization on a cross-origin
// redirect but sends every other header on, so a secret in X-Api-Key would reach whatever host a
// redirect names. Redirects are therefore followed here: a header whose value is a secret (from an
// environment variable or a captured value) is never sent beyond the environment's origin.

const MAX_REDIRECTS = 10;

export async function smokeFetch(options: {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  follow: boolean;
  /** Names of the headers that carry secrets. */
  secretHeaders: readonly string[];
  signal: AbortSignal;
}): Promise<Response> {
  let url = new URL(options.url);
  const origin = url.origin;
  let method = options.method;
  let body = options.body;
  const headers = new Headers(options.headers);
  for (let hop = 0; ; hop++) {
    const response = await fetch(url, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      redirect: "manual",
      signal: options.signal,
    });
    const location = response.headers.get("location");
    const redirected = response.status >= 300 && response.status < 400 && response.status !== 304 && location;
    if (!options.follow || !redirected) return response;
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    await response.body?.cancel();
    url = new URL(location, url);
    if (url.origin !== origin) for (const name of options.secretHeaders) headers.delete(name);
    // As browsers and fetch do: 303 turns any request into a GET, 301/302 turn a POST into one.
    if (
      (response.status === 303 && method !== "HEAD") ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      method = "GET";
      body = undefined;
      headers.delete("content-type");
    }
  }
}
