import { describe, expect, it } from 'vitest';
import { saveIntoFolder } from '../../utils/deliver/folder/save';
import { memoryWrittenStore } from '../../utils/deliver/folder/written';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import type { NoteDraft } from '../../utils/deliver/destinations/types';
import type { FetchImages } from '../../utils/deliver/zip';
import { mergeNote, noteParts } from '../../utils/annotate/merge';
import { SECTION_HEADING } from '../../utils/annotate/markdown';
import { memoryFolder } from './memory-fs';

const ID = 'MzAwMA==/1/1';
const front = `---\ntitle: "文章"\nwechat_id: "${ID}"\n---\n\n`;
const noImages: FetchImages = async () => {};
const draftOf = (body: string): NoteDraft => ({ name: '文章', folder: '', markdown: `${front}# 文章\n\n${body}\n`, slot: 's-', images: [], title: '文章', source: '', account: '', published: '', id: ID });
const ctx = { settings: { ...DEFAULT_SETTINGS, onExisting: 'update' as const }, fetchImages: noImages, progress: () => {} };
const READER = '## 我的笔记\n\n我自己的想法，  两个空格\n\n- [ ] 待办\n\n\n结尾没有换行';

describe('a note saved again in place', () => {
  it("is found by its wechat_id after the reader renamed and moved it; the reader's part stays byte for byte, new highlights are added, nothing else changes", async () => {
    const f = memoryFolder('vault', { 'other.md': '# 别的笔记\n' });
    const first = await saveIntoFolder(f.handle, draftOf('正文第一段。'), ctx, memoryWrittenStore());
    expect(first.ok).toBe(true);
    const written = f.tree()['文章.md']!;
    // The reader adds their notes and moves the file into a folder of their own, under a new name.
    const theirs = `${written}\n${READER}`;
    const moved = memoryFolder('vault', { 'other.md': '# 别的笔记\n', 'reading/我的文章笔记.md': theirs });
    const again = await saveIntoFolder(moved.handle, draftOf(`正文==第一段==。\n\n${SECTION_HEADING}\n\n> 第一段`), ctx, memoryWrittenStore());
    expect(again.ok).toBe(true);
    expect(again.message).toContain('1 条新划线');
    const tree = moved.tree();
    expect(Object.keys(tree).sort()).toEqual(['other.md', 'reading/我的文章笔记.md']);
    expect(tree['other.md']).toBe('# 别的笔记\n');
    const note = tree['reading/我的文章笔记.md']!;
    expect(note.endsWith(READER)).toBe(true);
    expect(note).toContain('正文==第一段==。');
    expect(note).toContain(`${SECTION_HEADING}\n\n> 第一段`);
    expect(note).not.toContain('正文第一段。');
  });

  it("keeps the old note beside the new one when the reader changed the article's part; keep blocks stay", async () => {
    const f = memoryFolder('vault');
    await saveIntoFolder(f.handle, draftOf('正文。'), ctx, memoryWrittenStore());
    const edited = f.tree()['文章.md']!.replace('正文。', '正文。我在正文里加的话。\n\n<!-- wac:keep -->\n保留这块\n<!-- /wac:keep -->');
    f.put('文章.md', edited);
    const r = await saveIntoFolder(f.handle, draftOf('正文（新版）。'), ctx, memoryWrittenStore());
    expect(r.message).toContain('已保留为');
    const tree = f.tree();
    const previous = Object.keys(tree).find((p) => p.includes('.previous-'))!;
    expect(previous).toMatch(/^文章\.previous-\d{4}-\d{2}-\d{2}\.md$/);
    expect(tree[previous]).toBe(edited);
    expect(tree['文章.md']).toContain('正文（新版）。');
    expect(tree['文章.md']).toContain('<!-- wac:keep -->\n保留这块\n<!-- /wac:keep -->');
    // Unchanged by the reader: no copy is made.
    const g = memoryFolder('vault');
    await saveIntoFolder(g.handle, draftOf('正文。'), ctx, memoryWrittenStore());
    await saveIntoFolder(g.handle, draftOf('正文（新版）。'), ctx, memoryWrittenStore());
    expect(Object.keys(g.tree())).toEqual(['文章.md']);
  });

  it('splits a note at the reader heading, in either language, at any level from ##', () => {
    expect(noteParts('a\n\n### My notes\nmine').reader).toBe('### My notes\nmine');
    expect(noteParts('a\n\n# 我的笔记\nmine').reader).toBe('');
    const m = mergeNote('old\n\n## 我的笔记\n\nx', 'new\n', SECTION_HEADING);
    expect(m.markdown.endsWith('\n## 我的笔记\n\nx')).toBe(true);
    expect(m.keepPrevious).toBe(true);
  });
});
