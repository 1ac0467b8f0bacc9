// @vitest-environment node
// Node's own fetch, FormData and Blob, as in the extension's background: jsdom's FormData is not one fetch can send.
import { describe, expect, it } from 'vitest';
import { useJoplin } from '../joplin-server/use-joplin';
import { freePort } from '../joplin-server/server';
import { createNote, findJoplin, flattenFolders, JoplinError, listFolders, notebookTitle, ping, tokenValid, uploadResource } from '../../utils/deliver/joplin/client';
import { testImage } from '../fixtures';

const joplin = useJoplin();
type Folder = { id: string };
const kindOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof JoplinError ? e.kind : String(e)));

describe('the Joplin client, against a real Joplin', () => {
  it('pings the service, and finds it on another port Joplin may take', async () => {
    const { port } = joplin();
    expect(await ping(port)).toBe(true);
    const nobody = await freePort();
    expect(await ping(nobody)).toBe(false);
    // Joplin takes the next of 41184…41194 when one is busy: the scan tries the saved port, then those.
    expect(await findJoplin(nobody, [nobody, port])).toBe(port);
    expect(await findJoplin(nobody, [nobody])).toBeNull();
  });

  it('tells a valid token from a wrong one', async () => {
    const { port, token } = joplin();
    expect(await tokenValid(port, token)).toBe(true);
    expect(await tokenValid(port, 'wrong')).toBe(false);
    expect(await tokenValid(port, '')).toBe(false);
  });

  it('lists the notebooks as a tree flattened in reading order, children indented under their parent', async () => {
    const j = joplin();
    const work = await j.api<Folder>('POST', '/folders', { title: '工作' });
    await j.api('POST', '/folders', { title: '读书笔记', parent_id: work.id });
    const archive = await j.api<Folder>('POST', '/folders', { title: 'Archive' });
    await j.api('POST', '/folders', { title: '2024', parent_id: archive.id });
    const flat = flattenFolders(await listFolders(j.port, j.token));
    expect(flat.map((f) => `${'  '.repeat(f.depth)}${f.title}`)).toEqual(['Archive', '  2024', '工作', '  读书笔记']);
    expect(flat[2]!.id).toBe(work.id);
  });

  it('uploads an image as a resource with the same bytes, and a note that embeds it', async () => {
    const j = joplin();
    const folder = await j.api<Folder>('POST', '/folders', { title: 'Resources' });
    const bytes = new Uint8Array(testImage());
    const id = await uploadResource(j.port, j.token, bytes, 'image/png', '001.png');
    expect(Buffer.from(await j.resourceBytes(id)).equals(Buffer.from(bytes))).toBe(true);
    const note = await createNote(j.port, j.token, { title: '标题', body: `一张图：\n\n![](:/${id})\n`, source_url: 'https://mp.weixin.qq.com/s/x', parent_id: folder.id });
    const back = await j.api<{ body: string; parent_id: string; source_url: string }>('GET', `/notes/${note.id}?fields=body,parent_id,source_url`);
    expect(back).toMatchObject({ body: `一张图：\n\n![](:/${id})\n`, parent_id: folder.id, source_url: 'https://mp.weixin.qq.com/s/x' });
    const linked = await j.api<{ items: { id: string }[] }>('GET', `/notes/${note.id}/resources`);
    expect(linked.items.map((r) => r.id)).toEqual([id]);
  });

  it('says which failure it is: a wrong token, a notebook that is gone, Joplin not running', async () => {
    const j = joplin();
    expect(await kindOf(listFolders(j.port, 'wrong'))).toBe('token');
    const folder = await j.api<Folder>('POST', '/folders', { title: '在这里' });
    expect(await notebookTitle(j.port, j.token, folder.id)).toBe('在这里');
    // Joplin files a note under a notebook id it does not have (the note is then nowhere to see): asked first.
    expect(await kindOf(notebookTitle(j.port, j.token, '0123456789abcdef0123456789abcdef'))).toBe('notebook');
    expect(await kindOf(notebookTitle(j.port, j.token, ''))).toBe('notebook');
    expect(await kindOf(listFolders(await freePort(), j.token))).toBe('unreachable');
  });
});
