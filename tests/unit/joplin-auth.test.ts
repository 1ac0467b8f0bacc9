// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { authorize, JOPLIN_AUTH_TIMEOUT } from '../../utils/deliver/joplin/auth';
import { JoplinError } from '../../utils/deliver/joplin/client';
import { stubJoplinAuth, type AuthStub } from '../joplin-server/auth-stub';

// Against a stub: Joplin's terminal client cannot show the approval dialog (see auth-stub.ts).
let open: AuthStub | undefined;
afterEach(() => open?.close());
const stub = async (...d: Parameters<typeof stubJoplinAuth>) => (open = await stubJoplinAuth(...d));

describe("getting the token the way Joplin's clipper does", () => {
  it('asks for an auth token, polls while the reader has not decided, and returns the token once accepted', async () => {
    const s = await stub(['waiting', 'waiting', 'accepted']);
    expect(await authorize(s.port, { intervalMs: 10 })).toBe(s.token);
    expect(s.checks).toHaveLength(3);
    expect(new Set(s.checks).size).toBe(1); // always the auth token POST /auth gave
  });

  it('says so when the reader refuses in Joplin, or does not answer in time', async () => {
    const refused = await stub(['waiting', 'rejected']);
    await expect(authorize(refused.port, { intervalMs: 10 })).rejects.toMatchObject({ kind: 'token', message: 'refused in Joplin' });
    refused.close();
    const away = await stub([]);
    await expect(authorize(away.port, { intervalMs: 10, timeoutMs: 60 })).rejects.toMatchObject({ kind: 'token', message: JOPLIN_AUTH_TIMEOUT });
  });

  it('stops polling when cancelled, and Joplin not running is "unreachable"', async () => {
    const s = await stub([]);
    const ctrl = new AbortController();
    const waiting = authorize(s.port, { intervalMs: 10, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    await expect(waiting).rejects.toMatchObject({ kind: 'token', message: 'cancelled' });
    const seen = s.checks.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(s.checks.length).toBe(seen);
    s.close();
    const err = await authorize(s.port, { intervalMs: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JoplinError);
    expect((err as JoplinError).kind).toBe('unreachable');
  });
});
