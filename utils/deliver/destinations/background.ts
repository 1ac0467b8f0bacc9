/** The destinations that run in the background: folder handles, the downloads API, local note apps. */
import { downloadsFolder } from './downloads-folder';
import { folderDestination } from './folder';
import type { Destination, DestinationId } from './types';
import { joplin } from './joplin';

export const BACKGROUND_DESTINATIONS: Partial<Record<DestinationId, Destination>> = {
  'downloads-folder': downloadsFolder,
  joplin,
  folder: folderDestination,
};
