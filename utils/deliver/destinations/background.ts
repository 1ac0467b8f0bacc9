/** The destinations that run in the background: folder handles, the downloads API, local note apps. */
import { folderDestination } from './folder';
import type { Destination, DestinationId } from './types';

export const BACKGROUND_DESTINATIONS: Partial<Record<DestinationId, Destination>> = {
  folder: folderDestination,
};
