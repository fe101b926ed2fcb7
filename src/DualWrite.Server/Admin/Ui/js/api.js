// Every call to the admin API goes through here, so that a refusal always reaches the person as a sentence.

export class ApiError extends Error {
  constructor(status, message, findings = []) {
    super(message);
    this.status = status;
    this.findings = findings;
  }
}

export class Api {
  constructor(session) {
    this.session = session;
  }

  get(path) { return this.call('GET', path); }
  post(path, body) { return this.call('POST', path, body ?? {}); }
  put(path, body) { return this.call('PUT', path, body); }
  delete(path) { return this.call('DELETE', path); }

  /** Sends a file as it is (a data-management export of any size) rather than as JSON. */
  upload(path, file, type) { return this.call('POST', path, file, type); }

  async call(method, path, body, type = 'application/json') {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${this.session.token}` };
    if (body !== undefined) headers['Content-Type'] = type;
    const content = body === undefined || body instanceof Blob ? body : JSON.stringify(body);
    let response;
    try {
      response = await fetch(`/api/v1${path}`, { method, headers, body: content });
    } catch {
      throw new ApiError(0, `The runtime at ${location.host} does not answer. Is it still running?`);
    }
    if (!response.ok) {
      const error = await problem(response, method, path);
      if (response.status === 401) this.session.rejected(error.message);
      if (response.status === 403) this.session.forbidden();
      throw error;
    }
    if (response.status === 204) return null;
    const answered = response.headers.get('Content-Type') ?? '';
    return answered.includes('json') ? response.json() : response.text();
  }

  /** Fetches a file the API serves (CSV) with the token, and hands it to the browser as a download. */
  async download(path, fileName) {
    const response = await fetch(`/api/v1${path}`, { headers: { Authorization: `Bearer ${this.session.token}` } });
    if (!response.ok) throw await problem(response, 'GET', path);
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

async function problem(response, method, path) {
  let body = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // Not problem details: a proxy's page or an empty answer; the status says what happened.
  }
  const findings = Array.isArray(body?.findings) ? body.findings : [];
  const words = body?.detail || body?.title || body?.error?.message;
  if (words) return new ApiError(response.status, words, findings);
  return new ApiError(response.status, fallback(response.status, method, path), findings);
}

function fallback(status, method, path) {
  switch (status) {
    case 401: return 'The runtime does not know this token. Sign in again with a token from credentials.json.';
    case 403: return 'Your token is a reader’s: it may look at everything but change nothing.';
    case 404: return `The runtime has nothing at ${method} /api/v1${path}. It may be older than this page.`;
    case 409: return 'The map’s state does not allow this right now. Look at its state and try again.';
    default: return `The runtime answered ${status} to ${method} /api/v1${path} without saying why.`;
  }
}
