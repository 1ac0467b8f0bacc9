import { describe, expect, it } from 'vitest';
import { COMMAND, MENU_ID, onCommand, onMenuClick, type TabsApi } from '../../utils/messages/triggers';
import type { ContentRequest } from '../../utils/messages/types';

// The browser's tabs API is the dependency here, recorded; the handlers are the code under test.
function recordingTabs(activeId: number | undefined, deliverable: Set<number>) {
  const sent: [number, ContentRequest][] = [];
  const tabs: TabsApi = {
    query: async () => (activeId === undefined ? [] : [{ id: activeId }]),
    sendMessage: async (id, msg) => {
      if (!deliverable.has(id)) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push([id, msg]);
      return { ok: true };
    },
  };
  return { tabs, sent };
}

describe('shortcut and context menu', () => {
  it('the shortcut asks the active tab to download Markdown', async () => {
    const { tabs, sent } = recordingTabs(7, new Set([7]));
    expect(await onCommand(tabs)(COMMAND)).toBe(true);
    expect(sent).toEqual([[7, { type: 'export', action: 'download-md' }]]);
  });
  it('other commands and tabs without our content script do nothing and do not throw', async () => {
    const { tabs, sent } = recordingTabs(7, new Set());
    expect(await onCommand(tabs)('something-else')).toBe(false);
    expect(await onCommand(tabs)(COMMAND)).toBe(false);
    expect(await onCommand(recordingTabs(undefined, new Set()).tabs)(COMMAND)).toBe(false);
    expect(sent).toEqual([]);
  });
  it('the menu item asks the clicked tab, and only for our item', async () => {
    const { tabs, sent } = recordingTabs(1, new Set([3]));
    expect(await onMenuClick(tabs)({ menuItemId: MENU_ID }, { id: 3 })).toBe(true);
    expect(await onMenuClick(tabs)({ menuItemId: 'other' }, { id: 3 })).toBe(false);
    expect(sent).toEqual([[3, { type: 'export', action: 'download-md' }]]);
  });
});

describe('which destination an export goes to', async () => {
  const { destinationFor } = await import('../../utils/pipeline/export');
  const { withDefaults } = await import('../../utils/settings/settings');
  const chosen = withDefaults({ destination: 'folder' });
  it("the main export (toolbar button, shortcut, context menu: 'download-md') goes where the reader chose", () => {
    expect(destinationFor('download-md', withDefaults({}))).toBe('download');
    expect(destinationFor('download-md', chosen)).toBe('folder');
  });
  it("the popup's pick for one export wins over the default; Copy and ZIP stay what they say", () => {
    expect(destinationFor('download-md', chosen, 'joplin')).toBe('joplin');
    expect(destinationFor('copy-md', chosen, 'joplin')).toBe('clipboard');
    expect(destinationFor('download-zip', chosen)).toBe('zip');
  });
  it('a stored destination this version does not know falls back to the download', () => {
    expect(withDefaults({ destination: 'dropbox' as never }).destination).toBe('download');
  });
});
