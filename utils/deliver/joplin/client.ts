/**
 * Joplin's Web Clipper service: the Data API the desktop app serves on 127.0.0.1, the one Joplin's own
 * clipper talks to. Every call takes the port (Joplin takes the first free one of 41184…41194).
 */

export const JOPLIN_DEFAULT_PORT = 41184;
/** The ports Joplin tries, in order, when 41184 is taken. */
export const JOPLIN_PORTS = Array.from({ length: 11 }, (_, i) => JOPLIN_DEFAULT_PORT + i);
/** The host permissions the extension asks for when Joplin is turned on (optional). */
export const JOPLIN_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** What went wrong, so each can say what to do: start Joplin, fix the token, pick a notebook. */
export type JoplinFailure = 'unreachable' | 'token' | 'notebook' | 'server';

export class JoplinError extends Error {
  constructor(
    readonly kind: JoplinFailure,
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

export const joplinBase = (port: number) => `http://127.0.0.1:${port}`;

const TIMEOUT_MS = 15_000;

/** One call. A refused connection is 'unreachable', 403 is 'token', any other error 'server'. */
export async function joplinFetch(port: number, path: string, init: RequestInit = {}, timeoutMs = TIMEOUT_MS): Promise<Response> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(`${joplinBase(port)}${path}`, { ...init, credentials: 'omit', signal: ctrl.signal });
  } catch (e) {
    throw new JoplinError('unreachable', ctrl.signal.aborted ? `no answer in ${timeoutMs / 1000} s` : (e as Error).message || 'connection refused');
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return res;
  const text = await res.text().catch(() => '');
  // Joplin answers errors as {"error": "…"}.
  let detail = text;
  try {
    // The first line: the rest is the server's stack trace.
    detail = ((JSON.parse(text) as { error?: string }).error ?? text).split('\n')[0]!.trim();
  } catch {
    /* not JSON: keep the text */
  }
  if (res.status === 403) throw new JoplinError('token', detail || 'invalid token', 403);
  if (/cannot find folder/i.test(detail)) throw new JoplinError('notebook', detail, res.status);
  throw new JoplinError('server', `HTTP ${res.status} ${detail.slice(0, 200)}`.trim(), res.status);
}

const withToken = (path: string, token: string) => `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;

async function json<T>(port: number, path: string, init?: RequestInit): Promise<T> {
  const res = await joplinFetch(port, path, init);
  return (await res.json()) as T;
}

/** True when Joplin's clipper service answers on this port. */
export async function ping(port: number, timeoutMs = 2000): Promise<boolean> {
  try {
    return (await (await joplinFetch(port, '/ping', {}, timeoutMs)).text()) === 'JoplinClipperServer';
  } catch {
    return false;
  }
}

/** The port Joplin answers on: the one given first, then every port Joplin may take; null if none. */
export async function findJoplin(preferred: number = JOPLIN_DEFAULT_PORT, ports: readonly number[] = JOPLIN_PORTS): Promise<number | null> {
  if (await ping(preferred)) return preferred;
  const others = ports.filter((p) => p !== preferred);
  const answers = await Promise.all(others.map((p) => ping(p, 1500)));
  return others[answers.indexOf(true)] ?? null;
}

export async function tokenValid(port: number, token: string): Promise<boolean> {
  if (!token) return false;
  return (await json<{ valid?: boolean }>(port, `/auth/check?token=${encodeURIComponent(token)}`)).valid === true;
}

export interface JoplinFolder {
  id: string;
  title: string;
  parent_id: string;
  children?: JoplinFolder[];
}

/** Every notebook, as Joplin nests them. */
export function listFolders(port: number, token: string): Promise<JoplinFolder[]> {
  return json<JoplinFolder[]>(port, withToken('/folders?as_tree=1', token));
}

/** The notebook's title; a JoplinError 'notebook' when it is gone (Joplin would file a note there anyway, unseen). */
export async function notebookTitle(port: number, token: string, id: string): Promise<string> {
  if (!id) throw new JoplinError('notebook', 'no notebook chosen');
  try {
    return (await json<{ title?: string }>(port, withToken(`/folders/${encodeURIComponent(id)}?fields=id,title`, token))).title ?? '';
  } catch (e) {
    if (e instanceof JoplinError && e.status === 404) throw new JoplinError('notebook', 'the notebook is gone', 404);
    throw e;
  }
}

export interface NotebookChoice {
  id: string;
  title: string;
  depth: number;
}

/** The tree in reading order, each notebook after its parent, siblings by title as Joplin's sidebar sorts them. */
export function flattenFolders(tree: readonly JoplinFolder[], depth = 0): NotebookChoice[] {
  const sorted = [...tree].sort((a, b) => a.title.localeCompare(b.title));
  return sorted.flatMap((f) => [{ id: f.id, title: f.title, depth }, ...flattenFolders(f.children ?? [], depth + 1)]);
}

/** One image as a Joplin resource (multipart: `data` the file, `props` its title); its id. */
export async function uploadResource(port: number, token: string, bytes: Uint8Array, type: string, title: string): Promise<string> {
  const form = new FormData();
  form.append('data', new Blob([bytes as BlobPart], { type: type || 'application/octet-stream' }), title);
  form.append('props', JSON.stringify({ title }));
  const r = await json<{ id?: string }>(port, withToken('/resources', token), { method: 'POST', body: form });
  if (!r.id) throw new JoplinError('server', 'no resource id in the answer');
  return r.id;
}

export interface NewNote {
  title: string;
  body: string;
  source_url: string;
  parent_id: string;
  author?: string;
  /** ms since the epoch */
  user_created_time?: number;
}

export async function createNote(port: number, token: string, note: NewNote): Promise<{ id: string }> {
  const r = await json<{ id?: string }>(port, withToken('/notes', token), {
    method: 'POST',
    body: JSON.stringify(note),
    headers: { 'content-type': 'application/json' },
  });
  if (!r.id) throw new JoplinError('server', 'no note id in the answer');
  return { id: r.id };
}
