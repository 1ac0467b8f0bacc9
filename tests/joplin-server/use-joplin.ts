import { afterAll, beforeAll } from 'vitest';
import { startJoplin, type JoplinServer } from './server';

/**
 * One real Joplin for the test file: started before its first test, stopped after its last. If it
 * cannot be installed or started, beforeAll throws and every test of the file fails with that message.
 * The first run may install it (about 2 minutes), hence the long hook timeout.
 */
export function useJoplin(): () => JoplinServer {
  let server: JoplinServer | undefined;
  beforeAll(async () => {
    server = await startJoplin();
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('The Joplin test server did not start (see the error of beforeAll above).');
    return server;
  };
}
