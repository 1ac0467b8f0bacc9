import { afterAll, beforeAll } from 'vitest';
import { startJoplin, type JoplinServer } from './server';

/**
 * One real Joplin for the test file: started before its first test, stopped after its last. If it
 * cannot be installed or started, every test that uses it fails with the reason (never a silent pass).
 * The first run may install it (2–6 minutes on a busy machine), hence the long hook timeout.
 */
export function useJoplin(): () => JoplinServer {
  let server: JoplinServer | undefined;
  let failure: Error | undefined;
  beforeAll(async () => {
    try {
      server = await startJoplin();
    } catch (e) {
      failure = e as Error;
    }
  }, 15 * 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error(`The Joplin test server is not running: ${failure?.message ?? 'it did not start'}`);
    return server;
  };
}
