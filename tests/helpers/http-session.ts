// A signed-in client over real HTTP, for tests and benchmarks that talk to a server process (not inject):
// keeps the cookies it is given and sends the CSRF token with every state-changing request.

export interface HttpSession {
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response>;
  /** Headers that carry the session and the CSRF token, for clients other than fetch. */
  headers(): Record<string, string>;
}

export async function signInOverHttp(origin: string, email: string, password: string): Promise<HttpSession> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${origin}/api/auth/csrf`);
  keep(csrfRes);
  const { token } = (await csrfRes.json()) as { token: string };
  const session: HttpSession = {
    headers: () => ({ cookie: cookie(), 'x-csrf-token': token }),
    async request(method, path, body) {
      const res = await fetch(`${origin}${path}`, {
        method,
        headers: { ...session.headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      keep(res);
      return res;
    },
  };
  const login = await session.request('POST', '/api/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login as ${email} at ${origin} answered ${login.status}: ${await login.text()}`);
  return session;
}
