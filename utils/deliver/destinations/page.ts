/** The destinations that run in the content script: they need the page (anchor downloads, the clipboard). */
import { clipboardDestination } from './clipboard';
import { downloadDestination } from './download';
import { zipDestination } from './zip';
import { obsidianDestination } from './obsidian';
import type { Destination, DestinationId } from './types';

export const PAGE_DESTINATIONS: Partial<Record<DestinationId, Destination>> = {
  download: downloadDestination,
  clipboard: clipboardDestination,
  zip: zipDestination,
  obsidian: obsidianDestination,
};
