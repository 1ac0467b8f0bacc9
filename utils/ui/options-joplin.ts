/**
 * The options page's Joplin section: turn it on (asks for the 127.0.0.1 host permission inside the
 * click), find the service, get the token as Joplin's clipper does or paste it, pick the notebook,
 * test the connection. Token and port stay in storage.local; the notebook id is a synced setting.
 */
import { browser } from 'wxt/browser';
import { findJoplin, flattenFolders, JOPLIN_ORIGINS, listFolders, notebookTitle, tokenValid } from '../deliver/joplin/client';
import { authorize } from '../deliver/joplin/auth';
import { loadJoplinAccess, saveJoplinAccess } from '../deliver/joplin/access';
import { joplinProblem } from '../deliver/joplin/messages';
import { loadSettings, saveSettings } from '../settings/store';
import { saveFailedText } from './options-save';
import { t } from './i18n';

export function renderJoplinOptions(section: HTMLElement): void {
  const $ = <T extends HTMLElement>(sel: string) => section.querySelector<T>(sel)!;
  const on = $<HTMLInputElement>('#joplinOn');
  const details = $<HTMLElement>('.joplin-details');
  const port = $<HTMLInputElement>('#joplinPort');
  const token = $<HTMLInputElement>('#joplinToken');
  const notebook = $<HTMLSelectElement>('#joplinNotebook');
  const status = $<HTMLElement>('#joplinStatus');
  const say = (text: string) => (status.textContent = text);
  let authorizing: AbortController | null = null;

  const show = (enabled: boolean) => {
    on.checked = enabled;
    details.hidden = !enabled;
  };

  async function fillNotebooks(): Promise<void> {
    const access = await loadJoplinAccess();
    const chosen = (await loadSettings()).joplinNotebook;
    const list = flattenFolders(await listFolders(access.port, access.token));
    notebook.replaceChildren(new Option(t('joplinPickNotebook'), ''));
    for (const f of list) {
      // The tree as the sidebar shows it: each notebook indented under its parent.
      const o = new Option(`${'\u00a0\u00a0\u00a0'.repeat(f.depth)}${f.title}`, f.id, false, f.id === chosen);
      notebook.append(o);
    }
    if (!list.some((f) => f.id === chosen) && list[0]) say(t('joplinPickNotebookHint'));
  }

  /** The whole check, each step saying what is wrong: service, token, notebook. */
  async function test(): Promise<void> {
    let { port: p, token: tk } = await loadJoplinAccess();
    try {
      const found = await findJoplin(p);
      if (found === null) return void say(t('joplinNotRunning', p));
      if (found !== p) ({ port: p } = await saveJoplinAccess({ port: found }));
      port.value = String(p);
      if (!(await tokenValid(p, tk))) return void say(tk ? t('joplinBadToken') : t('joplinNoToken'));
      await fillNotebooks();
      const title = await notebookTitle(p, tk, (await loadSettings()).joplinNotebook);
      say(t('joplinConnected', p, title));
    } catch (e) {
      say(joplinProblem(e, p));
    }
  }

  on.addEventListener('change', () => {
    if (on.checked) {
      say(t('joplinAskPermission'));
      // Inside the click: the browser asks the reader.
      void browser.permissions.request({ origins: JOPLIN_ORIGINS }).then(
        (granted) => {
          show(granted);
          if (granted) void test();
          else say(t('joplinPermissionRefused'));
        },
        (e: Error) => (show(false), say(e.message)),
      );
    } else {
      show(false);
      void browser.permissions.remove({ origins: JOPLIN_ORIGINS }).catch(() => false);
      say(t('joplinOff'));
    }
  });

  $<HTMLButtonElement>('#joplinFind').addEventListener('click', () => {
    void (async () => {
      const wanted = Number(port.value) || undefined;
      const found = await findJoplin(wanted);
      if (found === null) return say(t('joplinNotRunning', wanted ?? port.value));
      await saveJoplinAccess({ port: found });
      port.value = String(found);
      say(t('joplinFound', found));
    })();
  });
  port.addEventListener('change', () => void saveJoplinAccess({ port: Number(port.value) }).then((a) => (port.value = String(a.port))));
  token.addEventListener('change', () => void saveJoplinAccess({ token: token.value }).then(test));

  $<HTMLButtonElement>('#joplinAuthorize').addEventListener('click', () => {
    authorizing?.abort();
    const ctrl = (authorizing = new AbortController());
    void (async () => {
      const { port: p } = await loadJoplinAccess();
      say(t('joplinApproveInApp'));
      try {
        const got = await authorize(p, { signal: ctrl.signal });
        await saveJoplinAccess({ token: got });
        token.value = got;
        await test();
      } catch (e) {
        if (!ctrl.signal.aborted) say(joplinProblem(e, p));
      }
    })();
  });
  $<HTMLButtonElement>('#joplinRefresh').addEventListener('click', () => void loadJoplinAccess().then((a) => fillNotebooks().catch((e) => say(joplinProblem(e, a.port)))));
  notebook.addEventListener('change', () => void saveSettings({ joplinNotebook: notebook.value }).then(test, (e: unknown) => say(saveFailedText(e))));
  $<HTMLButtonElement>('#joplinTest').addEventListener('click', () => void test());

  void (async () => {
    const access = await loadJoplinAccess();
    port.value = String(access.port);
    token.value = access.token;
    const granted = await browser.permissions.contains({ origins: [JOPLIN_ORIGINS[0]!] }).catch(() => false);
    show(granted);
    if (granted && access.token) await fillNotebooks().catch(() => {});
  })();
}
