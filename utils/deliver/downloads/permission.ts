/** The optional `downloads` permission: asked for in the options when "Downloads subfolder" is chosen. */
import { browser, type Browser } from 'wxt/browser';

export const DOWNLOADS_PERMISSION: Browser.permissions.Permissions = { permissions: ['downloads'] };

export const hasDownloadsPermission = (): Promise<boolean> => browser.permissions.contains(DOWNLOADS_PERMISSION).catch(() => false);
