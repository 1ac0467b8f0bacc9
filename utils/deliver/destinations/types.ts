/**
 * One interface for every place a note can go. A destination gets a converted note (a draft) and
 * delivers it; it says what happened in a message and never throws.
 */
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

export type ImageMode = 'remote' | 'zip' | 'base64';

/** The reader's options a destination reads: the delivery's own part of the settings (settings/settings.ts). */
export interface DeliverSettings {
  /** What "Download" does with images by default (the toolbar also offers the ZIP directly). */
  imageMode: ImageMode;
  /** Images of a note written into a folder: beside it (`assets/<note>/`) or in one fixed folder (`<folder>/<note>/`); Obsidian embeds or Markdown links. */
  attachments: { location: 'beside' | 'fixed'; folder: string; embeds: boolean };
  /** A note of that name exists already: give the new one a distinct name, or update it. */
  onExisting: 'rename' | 'update';
  /** The vault `obsidian://new` writes into ('' = the one Obsidian has open). */
  obsidianVault: string;
  /** The Joplin notebook (folder id) notes are sent to. */
  joplinNotebook: string;
}

/** The port a page asks the background's image fetch through (FetchImages, one reply per image). */
export const IMAGE_PORT = 'wac-images';

/** To the background: deliver this draft there (destinations that run in the background). */
export type DeliverRequest = { type: 'deliver'; destination: DestinationId; draft: NoteDraft };

export interface DeliverContext {
  settings: DeliverSettings;
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
