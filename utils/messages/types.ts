/** Messages between the popup / background and the content script. */
import type { BatchRequest } from '../batch/store';
import type { DestinationId, NoteDraft } from '../deliver/destinations/types';
import type { NoteOverrides } from '../markdown/note';
export type ExportAction = 'download-md' | 'copy-md' | 'download-zip';

export type ContentRequest =
  /** `destination`: the popup's choice for this one export of 'download-md'; `edits`: its preview's
   *  (checked by the page again: utils/deliver/overrides.ts). The toolbar's own click sends neither. */
  | { type: 'export'; action: ExportAction; destination?: DestinationId; edits?: NoteOverrides }
  | { type: 'get-markdown'; edits?: NoteOverrides }
  /** The note the next export writes: name, folder, properties, first lines (a NotePreview). */
  | { type: 'preview' }
  | { type: 'status' }
  | { type: 'set-cleaning'; on: boolean }
  /** From the background, while it delivers this page's note. */
  | { type: 'progress'; text: string };

export interface PageStatus {
  cleaned: boolean;
  kind: string;
  /** Hidden blocks: promotion, and the publisher's decoration apart (hidden-kinds.ts). */
  promotions: number;
  decorations: number;
  /** Origins (`https://host/*`) of the article's images outside WeChat's hosts: what a ZIP asks to fetch. */
  imageOrigins?: string[];
}

export interface ActionResult {
  ok: boolean;
  message: string;
  markdown?: string;
  /** One follow-up click the popup offers too (see DeliveryResult). */
  followUp?: { label: string; request: unknown };
}

/** One image, fetched by the background for the ZIP or for inline base64. */
export type ImageReply = { index: number; ok: true; data: string; type: string } | { index: number; ok: false; error: string };

export const IMAGE_PORT = 'wac-images';

/** From a content script or the popup to the background: show the batch page (and start what is asked). */
export type BackgroundRequest =
  | { type: 'open-batch'; request?: BatchRequest }
  /** From the toolbar: show the highlights page. */
  | { type: 'open-highlights' }
  /** A draft for a destination that runs in the background; the answer is its DeliveryResult. */
  | { type: 'deliver'; destination: DestinationId; draft: NoteDraft };
