// A real OpenID Provider (oidc-provider) for Raamwerk's integration and
// browser tests. It plays SURFconext or Entree for one confidential client.
//
// Interface (all input through the environment):
//   PORT           port to listen on, 127.0.0.1 only (default 0: any free port)
//   PROFILE        "surfconext" (claim schac_home_organization) or
//                  "entree" (claim nlEduPersonHomeOrganizationId)
//   CLIENT_ID, CLIENT_SECRET, REDIRECT_URI   the one registered client
//   ACCOUNTS       JSON array of {login, sub, email, name, org?} (default [])
//   CODE_TTL       lifetime of authorization codes in seconds (default 60)
//   LOG            "1" to log every request and grant error to stderr
//
// Once listening, exactly one line "ISSUER http://127.0.0.1:<port>" goes to
// stdout; everything else goes to stderr. Test controls (answer 204):
//   POST /test/jwks?mode=real|foreign|impostor   what jwks_uri publishes
//   POST /test/rotate                           sign with a new key from now on
//   POST /test/account  {login,sub,email,name,org?}   add or replace an account
//   POST /test/down, POST /test/up              provider answers 503 while down

import * as crypto from 'node:crypto';
import * as http from 'node:http';

// oidc-provider prints notices with console.info, which goes to stdout. The
// stdout of this process carries only the ISSUER line, so send every console
// message to stderr before the library is loaded.
for (const name of ['log', 'info', 'debug']) {
  console[name] = (...args) => console.error(...args);
}

const { Provider, interactionPolicy } = await import('oidc-provider');

const ORG_CLAIMS = {
  surfconext: 'schac_home_organization',
  entree: 'nlEduPersonHomeOrganizationId',
};
const SUPPORTED_SCOPES = ['openid', 'email', 'profile'];

function fail(message) {
  process.stderr.write(`provider.mjs: ${message}\n`);
  process.exit(2);
}

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) fail(`environment variable ${name} is required`);
  return value;
}

function nonNegativeInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) fail(`${name} must be a whole number >= 0, got ${raw}`);
  return value;
}

const port = nonNegativeInt('PORT', 0);
const profile = requiredEnv('PROFILE');
const orgClaim = ORG_CLAIMS[profile];
if (!orgClaim) fail(`PROFILE must be one of ${Object.keys(ORG_CLAIMS).join(', ')}, got ${profile}`);
const clientId = requiredEnv('CLIENT_ID');
const clientSecret = requiredEnv('CLIENT_SECRET');
const redirectUri = requiredEnv('REDIRECT_URI');
const codeTtl = nonNegativeInt('CODE_TTL', 60);
const verbose = process.env.LOG === '1';

// ---------------------------------------------------------------- accounts

/** login -> {login, sub, email, name, org} */
const accounts = new Map();

function checkAccount(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('an account must be a JSON object');
  }
  for (const field of ['login', 'sub']) {
    if (typeof value[field] !== 'string' || value[field] === '') {
      throw new Error(`account field "${field}" must be a non-empty string`);
    }
  }
  for (const field of ['email', 'name', 'org']) {
    if (value[field] !== undefined && value[field] !== null && typeof value[field] !== 'string') {
      throw new Error(`account field "${field}" must be a string when present`);
    }
  }
  const { login, sub, email, name, org } = value;
  return { login, sub, email: email ?? undefined, name: name ?? undefined, org: org ?? undefined };
}

function putAccount(value) {
  const account = checkAccount(value);
  accounts.set(account.login, account);
  return account;
}

try {
  const initial = JSON.parse(process.env.ACCOUNTS || '[]');
  if (!Array.isArray(initial)) throw new Error('ACCOUNTS must be a JSON array');
  initial.forEach(putAccount);
} catch (err) {
  fail(`ACCOUNTS: ${err.message}`);
}

function accountBySub(sub) {
  for (const account of accounts.values()) {
    if (account.sub === sub) return account;
  }
  return undefined;
}

async function findAccount(_ctx, sub) {
  const account = accountBySub(sub);
  if (!account) return undefined;
  return {
    accountId: account.sub,
    // oidc-provider keeps only what the granted scopes and claims allow.
    async claims() {
      const claims = { sub: account.sub };
      if (account.email !== undefined) {
        claims.email = account.email;
        claims.email_verified = true;
      }
      if (account.name !== undefined) claims.name = account.name;
      if (account.org !== undefined) claims[orgClaim] = account.org;
      return claims;
    },
  };
}

// ------------------------------------------------------------------ storage

// One in-memory store shared by every Provider instance this process builds,
// so that codes, sessions and interactions survive a key rotation.
const store = {
  entries: new Map(), // "Model:id" -> {payload, expiresAt}
  grants: new Map(), // grantId -> Set of "Model:id"
  sessionUids: new Map(), // session uid -> session id
  userCodes: new Map(), // user code -> device code id
};

class SharedAdapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  read(key) {
    const entry = store.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async upsert(id, payload, expiresIn) {
    const key = this.key(id);
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : undefined;
    store.entries.set(key, { payload: structuredClone(payload), expiresAt });
    if (payload.grantId) {
      if (!store.grants.has(payload.grantId)) store.grants.set(payload.grantId, new Set());
      store.grants.get(payload.grantId).add(key);
    }
    if (this.model === 'Session' && payload.uid) store.sessionUids.set(payload.uid, id);
    if (payload.userCode) store.userCodes.set(payload.userCode, id);
  }

  async find(id) {
    const entry = this.read(this.key(id));
    return entry ? structuredClone(entry.payload) : undefined;
  }

  async findByUid(uid) {
    const id = store.sessionUids.get(uid);
    return id === undefined ? undefined : this.find(id);
  }

  async findByUserCode(userCode) {
    const id = store.userCodes.get(userCode);
    return id === undefined ? undefined : this.find(id);
  }

  async consume(id) {
    const entry = this.read(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    store.entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const key of store.grants.get(grantId) ?? []) store.entries.delete(key);
    store.grants.delete(grantId);
  }
}

// --------------------------------------------------------------------- keys

function newSigningKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: crypto.randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
}

function publicPart(jwk) {
  const { kty, n, e, kid, alg, use } = jwk;
  return { kty, n, e, kid, alg, use };
}

/** Private JWKs, newest first; oidc-provider signs with the first RS256 key. */
let signingKeys = [newSigningKey()];
/** What jwks_uri publishes: "real", "foreign" or "impostor" (see /test/jwks). */
let jwksMode = 'real';
/** The unrelated key published in "foreign" and "impostor" mode. */
let foreignKey = null;
let down = false;

// ----------------------------------------------------------------- provider

const cookieKeys = [crypto.randomBytes(32).toString('base64url')];

function interactionPolicyWithFreshLogin() {
  const policy = interactionPolicy.base();
  // Each authorization request needs its own login, even when the browser
  // still has a provider session, so a test can switch accounts.
  policy.get('login').checks.add(new interactionPolicy.Check(
    'fresh_login',
    'every authorization request signs in anew',
    'login_required',
    (ctx) => !ctx.oidc.result?.login,
  ));
  return policy;
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

function buildProvider(issuer) {
  const provider = new Provider(issuer, {
    adapter: SharedAdapter,
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    }],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', orgClaim],
    },
    // Put the scope's claims in the ID token too, not only in userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // No provider session outlives an authorization request (see below), so
    // codes and tokens must not be bound to one.
    expiresWithSession: async () => false,
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    jwks: { keys: signingKeys },
    cookies: {
      keys: cookieKeys,
      // Browsers share cookies between ports of 127.0.0.1, so the app under
      // test sees these too: give them names that cannot clash with its own.
      names: { session: 'test_op_session', interaction: 'test_op_interaction', resume: 'test_op_resume' },
    },
    findAccount,
    features: {
      devInteractions: { enabled: false },
      // Neither SURFconext nor Entree offers these; keep the metadata plain.
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
    },
    interactions: {
      policy: interactionPolicyWithFreshLogin(),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    ttl: {
      AuthorizationCode: codeTtl,
      AccessToken: 3600,
      IdToken: 3600,
      Interaction: 3600,
      Session: 3600,
      Grant: 3600,
    },
    clientBasedCORS: () => false,
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('Sign-in error', Object.entries(out)
        .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</p>`)
        .join('\n'));
    },
  });

  // Never keep a provider session: the next authorization request, in the
  // same browser too, starts with the login form again. (oidc-provider saves
  // the session after this event; a destroyed session is neither saved nor
  // given a cookie.)
  for (const event of ['authorization.success', 'authorization.error']) {
    provider.on(event, (ctx) => {
      if (ctx.oidc?.session) ctx.oidc.session.destroyed = true;
    });
  }
  provider.on('server_error', (_ctx, err) => console.error('server_error', err));
  if (verbose) {
    for (const event of ['authorization.error', 'grant.error', 'userinfo.error', 'jwks.error']) {
      provider.on(event, (_ctx, err) => console.error(event, err.message, err.error_description ?? ''));
    }
  }
  return provider;
}

let issuer;
let current; // the Provider instance that handles requests now
let currentHandler; // its Node request handler

function useProvider(provider) {
  current = provider;
  currentHandler = provider.callback();
}

// -------------------------------------------------------------- interaction

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', type);
  res.end(body);
}

function readBody(req, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function loginForm(uid, message) {
  const notice = message ? `<p role="alert">${escapeHtml(message)}</p>\n` : '';
  return page('Test identity provider', `${notice}<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Account</label>
<input id="login" name="login" type="text" autocomplete="username" autofocus required>
<button type="submit">Sign in</button>
</form>`);
}

/** Grants what was asked (within what this provider knows) and finishes. */
async function finishInteraction(req, res, details, account) {
  const provider = current;
  const { params } = details;
  // Always a new grant: the browser may have signed in as someone else before.
  const grant = new provider.Grant({ accountId: account.sub, clientId: params.client_id });
  const scopes = String(params.scope ?? '').split(' ').filter((s) => SUPPORTED_SCOPES.includes(s));
  grant.addOIDCScope(scopes.join(' '));
  if (typeof params.claims === 'string') {
    try {
      const requested = JSON.parse(params.claims);
      const names = new Set([
        ...Object.keys(requested?.id_token ?? {}),
        ...Object.keys(requested?.userinfo ?? {}),
      ]);
      if (names.size) grant.addOIDCClaims([...names]);
    } catch {
      // oidc-provider has already rejected a malformed claims parameter.
    }
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, {
    login: { accountId: account.sub },
    consent: { grantId },
  }, { mergeWithLastSubmission: false });
}

async function handleInteraction(req, res, uid, action) {
  let details;
  try {
    details = await current.interactionDetails(req, res);
  } catch (err) {
    send(res, 400, page('Sign-in error', `<p>${escapeHtml(err.message)}</p>`), 'text/html; charset=utf-8');
    return;
  }
  if (details.uid !== uid) {
    send(res, 400, page('Sign-in error', '<p>interaction mismatch</p>'), 'text/html; charset=utf-8');
    return;
  }

  if (action === undefined && req.method === 'GET') {
    const hinted = accounts.get(details.params.login_hint);
    if (hinted) {
      await finishInteraction(req, res, details, hinted);
      return;
    }
    send(res, 200, loginForm(uid), 'text/html; charset=utf-8');
    return;
  }

  if (action === 'login' && req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const login = (form.get('login') ?? '').trim();
    const account = accounts.get(login);
    if (!account) {
      send(res, 200, loginForm(uid, `Unknown account "${login}". Try again.`), 'text/html; charset=utf-8');
      return;
    }
    await finishInteraction(req, res, details, account);
    return;
  }

  send(res, 405, 'method not allowed\n');
}

// ------------------------------------------------------------ test controls

async function handleTest(req, res, url) {
  if (req.method !== 'POST') {
    send(res, 405, 'use POST\n');
    return;
  }
  switch (url.pathname) {
    case '/test/jwks': {
      const mode = url.searchParams.get('mode');
      if (!['real', 'foreign', 'impostor'].includes(mode)) {
        send(res, 400, 'mode must be real, foreign or impostor\n');
        return;
      }
      jwksMode = mode;
      foreignKey = mode === 'real' ? null : newSigningKey();
      break;
    }
    case '/test/rotate':
      // The new key signs from now on; the old one stays published.
      signingKeys = [newSigningKey(), signingKeys[0]];
      useProvider(buildProvider(issuer));
      break;
    case '/test/account': {
      let body;
      try {
        body = JSON.parse(await readBody(req));
        putAccount(body);
      } catch (err) {
        send(res, 400, `${err.message}\n`);
        return;
      }
      break;
    }
    case '/test/down':
      down = true;
      break;
    case '/test/up':
      down = false;
      break;
    default:
      send(res, 404, 'unknown test control\n');
      return;
  }
  send(res, 204);
}

// ------------------------------------------------------------------- server

async function handle(req, res) {
  const url = new URL(req.url, issuer);
  if (url.pathname.startsWith('/test/')) {
    await handleTest(req, res, url);
    return;
  }
  if (down) {
    send(res, 503, 'provider is down (test control)\n');
    return;
  }
  const interaction = /^\/interaction\/([^/]+)(?:\/(login))?$/.exec(url.pathname);
  if (interaction) {
    await handleInteraction(req, res, interaction[1], interaction[2]);
    return;
  }
  if (jwksMode !== 'real' && url.pathname === '/jwks' && req.method === 'GET') {
    // foreign: an unrelated key under its own kid (the ID token's kid is unknown);
    // impostor: an unrelated key under the signing kid (the signature fails).
    const key = publicPart(foreignKey);
    if (jwksMode === 'impostor') key.kid = signingKeys[0].kid;
    send(res, 200, JSON.stringify({ keys: [key] }), 'application/jwk-set+json; charset=utf-8');
    return;
  }
  currentHandler(req, res);
}

const server = http.createServer((req, res) => {
  if (verbose) {
    res.on('finish', () => console.error(`${req.method} ${req.url} -> ${res.statusCode}`));
  }
  handle(req, res).catch((err) => {
    console.error('request failed', err);
    if (!res.headersSent) send(res, 500, 'internal error\n');
    else res.destroy();
  });
});

server.listen(port, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  useProvider(buildProvider(issuer));
  process.stdout.write(`ISSUER ${issuer}\n`);
});

server.on('error', (err) => fail(`cannot listen: ${err.message}`));

function shutdown(signal) {
  console.error(`provider.mjs: ${signal}, shutting down`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
