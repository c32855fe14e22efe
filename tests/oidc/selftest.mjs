// Self-test of provider.mjs: starts it as a child process and plays a
// confidential OpenID Connect client against it with Node's fetch.
// Run: node tests/oidc/selftest.mjs   (exit code 0 only when every check passes)
// LOG=1 also logs the providers' requests and prints their stderr.

import * as crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const PROVIDER = path.join(here, 'provider.mjs');
const CLIENT_ID = 'raamwerk-test';
const CLIENT_SECRET = 'not-a-real-secret-0123456789';
const REDIRECT_URI = 'http://127.0.0.1:9/auth/oidc/callback'; // never fetched

const ANNA = {
  login: 'anna', sub: 'surf-anna-1', email: 'anna@school-a.nl', name: 'Anna de Vries', org: 'school-a.nl',
};
const BERT = {
  login: 'bert', sub: 'entree-bert-7', email: 'bert@school-b.nl', name: 'Bert Jansen', org: '12AB',
};
const NOORG = { login: 'kees', sub: 'surf-kees-3', email: 'kees@school-a.nl', name: 'Kees Bakker' };

// ------------------------------------------------------------------ harness

let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(err?.stack ?? err).replace(/\n/g, '\n  ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

async function startProvider(env) {
  const child = spawn(process.execPath, [PROVIDER], {
    env: {
      PATH: process.env.PATH,
      CLIENT_ID,
      CLIENT_SECRET,
      REDIRECT_URI,
      ...(process.env.LOG ? { LOG: process.env.LOG } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  const issuer = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start:\n${stderr}`)), 15000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const match = /^ISSUER (\S+)\n/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provider exited with ${code}:\n${stderr}`));
    });
  });
  return {
    issuer,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code;
    },
  };
}

/** A tiny cookie jar for one host: name+path -> value. */
class CookieJar {
  constructor() {
    this.cookies = new Map();
  }

  store(url, response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let cookiePath = '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key, val = ''] = attribute.trim().split('=');
        const lower = key.toLowerCase();
        if (lower === 'path') cookiePath = val;
        if (lower === 'max-age' && Number(val) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      }
      const key = `${name}\u0000${cookiePath}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path: cookiePath });
    }
  }

  header(url) {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  async fetch(url, init = {}) {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(url, response);
    return response;
  }
}

const base64url = (buffer) => Buffer.from(buffer).toString('base64url');

function decodeJwt(token) {
  const [header, payload, signature] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    signingInput: `${header}.${payload}`,
    signature: Buffer.from(signature, 'base64url'),
  };
}

/** RS256 check of a JWT against a JWKS: "ok", "unknown kid" or "bad signature". */
function verifyWithJwks(token, jwks) {
  const jwt = decodeJwt(token);
  const jwk = jwks.keys.find((k) => k.kid === jwt.header.kid);
  if (!jwk) return 'unknown kid';
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const good = crypto.verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature);
  return good ? 'ok' : 'bad signature';
}

async function getJson(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, json, text };
}

async function control(issuer, pathAndQuery, body) {
  const response = await fetch(`${issuer}${pathAndQuery}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assertEqual(response.status, 204, `POST ${pathAndQuery} status`);
}

// ---------------------------------------------------------------- the client

/**
 * Starts an authorization request and follows redirects. With `login`, fills
 * in the provider's form when it shows up. Returns the callback parameters
 * plus what the client must remember (state, nonce, verifier).
 */
async function authorize(issuer, jar, { loginHint, login, scope = 'openid email profile' } = {}) {
  const discovery = (await getJson(`${issuer}/.well-known/openid-configuration`)).json;
  const verifier = base64url(crypto.randomBytes(32));
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const state = base64url(crypto.randomBytes(16));
  const nonce = base64url(crypto.randomBytes(16));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(loginHint ? { login_hint: loginHint } : {}),
  }).toString();

  let next = url.toString();
  let forms = 0;
  for (let hops = 0; hops < 20; hops += 1) {
    if (next.startsWith(REDIRECT_URI)) {
      const params = new URL(next).searchParams;
      return { params, state, nonce, verifier, forms, discovery };
    }
    let response = await jar.fetch(next);
    if (response.status >= 300 && response.status < 400) {
      next = new URL(response.headers.get('location'), next).toString();
      continue;
    }
    let body = await response.text();
    // The provider's login form: fill it in until it redirects onwards.
    while (response.status === 200 && body.includes('name="login"')) {
      forms += 1;
      assert(login, `the provider showed its login form, but no login was given (${next})`);
      assert(forms < 5, 'the form keeps coming back');
      assert(body.includes('>Account</label>'), 'form has the label "Account"');
      assert(body.includes('>Sign in</button>'), 'form has the button "Sign in"');
      const action = /<form method="post" action="([^"]+)"/.exec(body)?.[1];
      assert(action, 'form has a POST action');
      response = await jar.fetch(new URL(action, next).toString(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: typeof login === 'function' ? login(forms) : login }).toString(),
      });
      body = response.status >= 300 && response.status < 400 ? '' : await response.text();
    }
    if (response.status >= 300 && response.status < 400) {
      next = new URL(response.headers.get('location'), next).toString();
      continue;
    }
    throw new Error(`unexpected ${response.status} at ${next}: ${body.slice(0, 300)}`);
  }
  throw new Error('too many redirects');
}

async function exchange(discovery, code, verifier, { auth = 'basic', secret = CLIENT_SECRET } = {}) {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth === 'basic') {
    const pair = `${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(secret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    form.set('client_id', CLIENT_ID);
    form.set('client_secret', secret);
  }
  return getJson(discovery.token_endpoint, { method: 'POST', headers, body: form.toString() });
}

/** The whole flow; returns the token response and the decoded ID token. */
async function signIn(issuer, options = {}) {
  const jar = options.jar ?? new CookieJar();
  const flow = await authorize(issuer, jar, options);
  assert(!flow.params.get('error'), `authorization error: ${flow.params.get('error')} ${flow.params.get('error_description')}`);
  assertEqual(flow.params.get('state'), flow.state, 'state');
  assertEqual(flow.params.get('iss'), issuer, 'iss in the authorization response');
  const code = flow.params.get('code');
  assert(code, 'the callback carries a code');
  const token = await exchange(flow.discovery, code, flow.verifier, options);
  assertEqual(token.status, 200, `token endpoint status (${token.text})`);
  const idToken = decodeJwt(token.json.id_token);
  assertEqual(idToken.payload.nonce, flow.nonce, 'nonce');
  assertEqual(idToken.payload.iss, issuer, 'iss');
  assertEqual(idToken.payload.aud, CLIENT_ID, 'aud');
  assertEqual(idToken.header.alg, 'RS256', 'alg');
  return { flow, code, token: token.json, idToken, jar };
}

// -------------------------------------------------------------------- checks

const surf = await startProvider({
  PROFILE: 'surfconext',
  ACCOUNTS: JSON.stringify([ANNA, NOORG]),
});

try {
  let discovery;
  await check('issuer line and discovery', async () => {
    assert(/^http:\/\/127\.0\.0\.1:\d+$/.test(surf.issuer), `issuer ${surf.issuer}`);
    const response = await getJson(`${surf.issuer}/.well-known/openid-configuration`);
    assertEqual(response.status, 200, 'discovery status');
    discovery = response.json;
    assertEqual(discovery.issuer, surf.issuer, 'issuer in discovery');
    assertEqual(JSON.stringify(discovery.code_challenge_methods_supported), '["S256"]', 'PKCE methods');
    assertEqual(JSON.stringify(discovery.id_token_signing_alg_values_supported), '["RS256"]', 'ID token algs');
    assert(discovery.claims_supported.includes('schac_home_organization'), 'org claim in claims_supported');
    for (const s of ['openid', 'email', 'profile']) assert(discovery.scopes_supported.includes(s), `scope ${s}`);
  });

  let anna;
  await check('surfconext: login_hint flow, client_secret_basic, claims in the ID token', async () => {
    anna = await signIn(surf.issuer, { loginHint: 'anna' });
    const claims = anna.idToken.payload;
    assertEqual(anna.flow.forms, 0, 'forms shown with login_hint');
    assertEqual(claims.sub, ANNA.sub, 'sub');
    assertEqual(claims.email, ANNA.email, 'email');
    assertEqual(claims.email_verified, true, 'email_verified');
    assertEqual(claims.name, ANNA.name, 'name');
    assertEqual(claims.schac_home_organization, ANNA.org, 'schac_home_organization');
    assertEqual(claims.nlEduPersonHomeOrganizationId, undefined, 'no Entree claim');
    const jwks = (await getJson(discovery.jwks_uri)).json;
    assertEqual(verifyWithJwks(anna.token.id_token, jwks), 'ok', 'ID token signature');
  });

  await check('userinfo answers with the access token', async () => {
    const info = await getJson(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${anna.token.access_token}` },
    });
    assertEqual(info.status, 200, 'status');
    assertEqual(info.json.sub, ANNA.sub, 'sub');
    assertEqual(info.json.schac_home_organization, ANNA.org, 'org');
  });

  await check('second exchange of the same code fails (and revokes its tokens)', async () => {
    const again = await exchange(anna.flow.discovery, anna.code, anna.flow.verifier);
    assertEqual(again.status, 400, 'status');
    assertEqual(again.json?.error, 'invalid_grant', 'error');
    const info = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${anna.token.access_token}` },
    });
    assertEqual(info.status, 401, 'userinfo with the revoked access token');
  });

  await check('client_secret_post works; a wrong secret or verifier does not', async () => {
    const viaPost = await signIn(surf.issuer, { loginHint: 'anna', auth: 'post' });
    assertEqual(viaPost.idToken.payload.sub, ANNA.sub, 'sub');

    const jar = new CookieJar();
    let flow = await authorize(surf.issuer, jar, { loginHint: 'anna' });
    let answer = await exchange(flow.discovery, flow.params.get('code'), flow.verifier, { secret: 'wrong' });
    assertEqual(answer.status, 401, 'wrong secret status');
    assertEqual(answer.json?.error, 'invalid_client', 'wrong secret error');

    flow = await authorize(surf.issuer, jar, { loginHint: 'anna' });
    answer = await exchange(flow.discovery, flow.params.get('code'), base64url(crypto.randomBytes(32)));
    assertEqual(answer.status, 400, 'wrong verifier status');
    assertEqual(answer.json?.error, 'invalid_grant', 'wrong verifier error');
  });

  await check('PKCE is required', async () => {
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'openid', state: 'x', nonce: 'y',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? 'http://none/');
    assert(location.toString().startsWith(REDIRECT_URI), `redirected back to the client (${location})`);
    assertEqual(location.searchParams.get('error'), 'invalid_request', 'error');
  });

  await check('login form: unknown login shown again, then sign in; next request asks again', async () => {
    const jar = new CookieJar();
    const first = await authorize(surf.issuer, jar, { login: (n) => (n === 1 ? 'nobody' : 'anna') });
    assertEqual(first.forms, 2, 'forms shown (unknown login, then anna)');
    assert(first.params.get('code'), 'code after the form');
    const second = await authorize(surf.issuer, jar, { login: 'kees' });
    assertEqual(second.forms, 1, 'the same browser is asked to sign in again');
    const kept = [...jar.cookies.values()].map((c) => c.name).filter((n) => n.includes('session'));
    assertEqual(kept.length, 0, 'provider session cookies kept by the browser');
    const token = await exchange(second.discovery, second.params.get('code'), second.verifier);
    const claims = decodeJwt(token.json.id_token).payload;
    assertEqual(claims.sub, NOORG.sub, 'sub of the second account');
    assert(!('schac_home_organization' in claims), 'no org claim for an account without org');
  });

  await check('unknown login shows a message', async () => {
    const jar = new CookieJar();
    const url = new URL(discovery.authorization_endpoint);
    const verifier = base64url(crypto.randomBytes(32));
    url.search = new URLSearchParams({
      response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'openid', state: 's', nonce: 'n',
      code_challenge: crypto.createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    }).toString();
    let response = await jar.fetch(url.toString());
    const interaction = new URL(response.headers.get('location'), surf.issuer).toString();
    response = await jar.fetch(interaction);
    assertEqual(response.status, 200, 'form status');
    response = await jar.fetch(`${interaction}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=nobody',
    });
    const body = await response.text();
    assertEqual(response.status, 200, 'status');
    assert(body.includes('Unknown account'), 'message shown');
    assert(body.includes('name="login"'), 'form shown again');
  });

  await check('/test/account replaces an account (same login, new subject)', async () => {
    await control(surf.issuer, '/test/account', { ...ANNA, sub: 'surf-anna-2', org: 'school-c.nl' });
    const result = await signIn(surf.issuer, { loginHint: 'anna' });
    assertEqual(result.idToken.payload.sub, 'surf-anna-2', 'sub');
    assertEqual(result.idToken.payload.schac_home_organization, 'school-c.nl', 'org');
    await control(surf.issuer, '/test/account', ANNA);
  });

  await check('/test/jwks?mode=foreign publishes an unrelated key; real restores', async () => {
    const before = (await getJson(discovery.jwks_uri)).json;
    await control(surf.issuer, '/test/jwks?mode=foreign');
    const foreign = await getJson(discovery.jwks_uri);
    assertEqual(foreign.status, 200, 'status');
    const realKids = new Set(before.keys.map((k) => k.kid));
    assert(foreign.json.keys.every((k) => !realKids.has(k.kid) && !before.keys.some((b) => b.n === k.n)), 'key changed');
    assert(foreign.json.keys.every((k) => k.d === undefined), 'no private parts published');
    const result = await signIn(surf.issuer, { loginHint: 'anna' });
    assert(verifyWithJwks(result.token.id_token, foreign.json) !== 'ok', 'ID token fails against the published JWKS');

    await control(surf.issuer, '/test/jwks?mode=impostor');
    const impostor = (await getJson(discovery.jwks_uri)).json;
    assertEqual(verifyWithJwks(result.token.id_token, impostor), 'bad signature', 'impostor: same kid, bad signature');

    await control(surf.issuer, '/test/jwks?mode=real');
    const after = (await getJson(discovery.jwks_uri)).json;
    assertEqual(JSON.stringify(after), JSON.stringify(before), 'real JWKS restored');
    assertEqual(verifyWithJwks(result.token.id_token, after), 'ok', 'ID token verifies again');
  });

  await check('/test/rotate signs with a new kid that the JWKS publishes', async () => {
    const before = await signIn(surf.issuer, { loginHint: 'anna' });
    const oldKid = before.idToken.header.kid;
    // A code issued before the rotation still works after it.
    const pending = await authorize(surf.issuer, new CookieJar(), { loginHint: 'anna' });
    await control(surf.issuer, '/test/rotate');
    const after = await signIn(surf.issuer, { loginHint: 'anna' });
    const newKid = after.idToken.header.kid;
    assert(newKid && newKid !== oldKid, `kid changed (${oldKid} -> ${newKid})`);
    const jwks = (await getJson(discovery.jwks_uri)).json;
    assert(jwks.keys.some((k) => k.kid === newKid), 'JWKS has the new kid');
    assertEqual(verifyWithJwks(after.token.id_token, jwks), 'ok', 'new ID token verifies');
    const late = await exchange(pending.discovery, pending.params.get('code'), pending.verifier);
    assertEqual(late.status, 200, 'code from before the rotation');
    assertEqual(decodeJwt(late.json.id_token).header.kid, newKid, 'signed with the new key');
  });

  await check('/test/down gives 503, /test/up restores', async () => {
    await control(surf.issuer, '/test/down');
    for (const url of [
      `${surf.issuer}/.well-known/openid-configuration`, discovery.jwks_uri,
      discovery.authorization_endpoint, discovery.userinfo_endpoint,
    ]) {
      assertEqual((await fetch(url, { redirect: 'manual' })).status, 503, `GET ${url}`);
    }
    assertEqual((await fetch(discovery.token_endpoint, { method: 'POST' })).status, 503, 'POST token');
    await control(surf.issuer, '/test/up');
    assertEqual((await fetch(`${surf.issuer}/.well-known/openid-configuration`)).status, 200, 'discovery after up');
  });
} finally {
  await check('surfconext provider: stdout is only the ISSUER line; SIGTERM exits 0', async () => {
    const code = await surf.stop();
    assertEqual(surf.stdout, `ISSUER ${surf.issuer}\n`, 'stdout');
    assertEqual(code, 0, 'exit code');
  });
}

const entree = await startProvider({
  PROFILE: 'entree',
  ACCOUNTS: JSON.stringify([BERT]),
  CODE_TTL: '1',
});

try {
  await check('entree: org claim nlEduPersonHomeOrganizationId', async () => {
    const result = await signIn(entree.issuer, { loginHint: 'bert', auth: 'post' });
    const claims = result.idToken.payload;
    assertEqual(claims.sub, BERT.sub, 'sub');
    assertEqual(claims.email, BERT.email, 'email');
    assertEqual(claims.email_verified, true, 'email_verified');
    assertEqual(claims.name, BERT.name, 'name');
    assertEqual(claims.nlEduPersonHomeOrganizationId, BERT.org, 'nlEduPersonHomeOrganizationId');
    assertEqual(claims.schac_home_organization, undefined, 'no SURFconext claim');
  });

  await check('CODE_TTL=1: a code used after 2 s is refused', async () => {
    const flow = await authorize(entree.issuer, new CookieJar(), { loginHint: 'bert' });
    await new Promise((resolve) => { setTimeout(resolve, 2000); });
    const answer = await exchange(flow.discovery, flow.params.get('code'), flow.verifier);
    assertEqual(answer.status, 400, 'status');
    assertEqual(answer.json?.error, 'invalid_grant', 'error');
  });
} finally {
  await entree.stop();
}

if (failed || process.env.LOG === '1') {
  console.log(`--- surfconext provider stderr ---\n${surf.stderr}--- entree provider stderr ---\n${entree.stderr}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
