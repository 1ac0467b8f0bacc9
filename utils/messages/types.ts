/** Messages between the popup / background and the content script. */
import type { BatchRequest } from '../batch/store';
import type { DeliverRequest, DestinationId } from '../deliver/destinations/types';
// Each type lives with the step that owns it (the page's status with its cleaning, the image port with the
// fetch); the messages name them all here.
export type { PageStatus } from '../clean/page-cleaning';
export type { ImageReply } from '../deliver/zip';
export { IMAGE_PORT } from '../deliver/destinations/types';
import type { ExportAction } from '../pipeline/export';
import type { NoteOverrides } from '../markdown/note';
export type { ActionResult, ExportAction } from '../pipeline/export';

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

/** From a content script or the popup to the background: show the batch page (and start what is asked). */
export type BackgroundRequest =
  | { type: 'open-batch'; request?: BatchRequest }
  /** From the toolbar: show the highlights page. */
  | { type: 'open-highlights' }
  /** A draft for a destination that runs in the background; the answer is its DeliveryResult. */
  | DeliverRequest;
