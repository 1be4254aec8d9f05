// Talks to the API and holds the tokens, following the IETF's "OAuth 2.0 for Browser-Based Apps":
// - The access token lives in the variable below and nowhere else: not in localStorage,
//   sessionStorage or a cookie, where any script injected into the page (XSS) could read it.
//   A reload forgets it; refresh() then gets a new one.
// - The refresh token is never seen by this code. The server keeps it in an HttpOnly cookie, which
//   the browser sends to /api/auth only, and only when we ask with "X-Auth-Mode: cookie".

const COOKIE_MODE = { 'X-Auth-Mode': 'cookie' };

let accessToken = null;
let refreshing = null; // the refresh request in flight, shared by everyone who needs it

/** A problem+json answer: status, title, detail and, for a 422, the invalid fields. */
export class ApiError extends Error {
  constructor(problem) {
    const fields = (problem.errors || []).map((e) => `${e.pointer.slice(1)} ${e.message}`);
    super([problem.detail || problem.title, ...fields].join(' '));
    this.status = problem.status;
  }
}

async function send(method, path, body, headers = {}) {
  const request = { method, headers: { ...headers } };
  if (accessToken) {
    request.headers.Authorization = `Bearer ${accessToken}`;
  }
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  return fetch(path, request);
}

async function read(response) {
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  const problem = await response.json().catch(() => ({ status: response.status, title: response.statusText }));
  throw new ApiError(problem);
}

async function keepAccessToken(response) {
  const tokens = await read(response); // { accessToken, tokenType, expiresIn }: no refresh token
  accessToken = tokens.accessToken;
}

export async function register(email, password) {
  await read(await send('POST', '/api/auth/register', { email, password }));
}

export async function logIn(email, password) {
  await keepAccessToken(await send('POST', '/api/auth/login', { email, password }, COOKIE_MODE));
}

// Other tabs of this site send the same cookie. A Web Lock makes a tab wait until another tab's
// refresh has been answered (and the cookie rotated) before it sends its own.
function oneTabAtATime(task) {
  return navigator.locks ? navigator.locks.request('refresh-cookie', task) : task();
}

/**
 * Trades the refresh cookie for a new access token (the server rotates the cookie too).
 * Resolves to true if the session goes on, false if the user must log in again. Callers that
 * arrive while a refresh is running share it, and tabs take turns: a refresh token works once,
 * and a second use would be taken for theft and end the session.
 */
export function refresh() {
  if (!refreshing) {
    refreshing = oneTabAtATime(() => send('POST', '/api/auth/refresh', undefined, COOKIE_MODE))
      .then(async (response) => {
        if (!response.ok) {
          accessToken = null;
          return false;
        }
        await keepAccessToken(response);
        return true;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/**
 * Calls the API with the access token. When the token has expired (401), refreshes once and
 * tries again, so the user never sees the expiry; if that fails too, the ApiError says 401.
 */
export async function call(method, path, body, headers) {
  let response = await send(method, path, body, headers);
  if (response.status === 401 && accessToken && (await refresh())) {
    response = await send(method, path, body, headers);
  }
  return read(response);
}

/** Revokes the session on the server, which also deletes the cookie, and forgets the token. */
export async function logOut() {
  try {
    await call('POST', '/api/auth/logout', undefined, COOKIE_MODE);
  } finally {
    accessToken = null;
  }
}
