/** `npm run joplin:install`: installs the Joplin test server (this folder's lock file) when it is missing. */
import { ensureJoplin, joplinInstalled } from './server';

if (joplinInstalled()) console.log('The Joplin test server is installed (tests/joplin-server).');
else {
  try {
    ensureJoplin((l) => console.log(l));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
