/**
 * One interface for every place a note can go. A destination gets a converted note (a draft) and
 * delivers it; it says what happened in a message and never throws.
 */
import type { Settings } from '../../settings/settings';
import type { FetchImages } from '../zip';

export type DestinationId = 'download' | 'clipboard' | 'zip' | 'folder' | 'downloads-folder' | 'obsidian' | 'joplin';

export const DESTINATION_IDS: readonly DestinationId[] = ['download', 'clipboard', 'zip', 'folder', 'downloads-folder', 'obsidian', 'joplin'];

/** A converted note ready to deliver. Plain data: it is sent from the content script to the background. */
export interface NoteDraft {
  /** Safe file name of the note, without extension (the note-name template). */
  name: string;
  /** Relative folder from the folder template: '' or 'a/b', each segment a safe name. */
  folder: string;
  /** The whole note; every image address is written as `${slot}${index}` (see slots.ts). */
  markdown: string;
  /** A per-draft unique prefix: no article text can contain it. */
  slot: string;
  /** Remote image addresses; index i is slot i. */
  images: string[];
  title: string;
  source: string;
  account: string;
  published: string;
  /** Which article (page/identity.ts), as the note's front matter says; absent in drafts kept by older versions. */
  id?: string | null;
}

export interface DeliverContext {
  settings: Settings;
  /** In the background: fetchImagesWith(granted); in the page: through the background's port. */
  fetchImages: FetchImages;
  progress(text: string): void;
}

export interface DeliveryResult {
  ok: boolean;
  /** What happened, in the UI's language; lists the images that failed. */
  message: string;
  /** The note was not written: the caller downloads it (remote image links) and adds that to the message. */
  fallback?: boolean;
  /** One follow-up click to offer (grant the folder permission again, open in Obsidian …). */
  followUp?: { label: string; request: unknown };
  /** The note as delivered, where the caller may want it (the popup copies it). */
  markdown?: string;
}

export interface Destination {
  id: DestinationId;
  /** 'page': runs in the content script (anchor downloads, the clipboard); 'background': in the background. */
  runsIn: 'page' | 'background';
  deliver(draft: NoteDraft, ctx: DeliverContext): Promise<DeliveryResult>;
}
