/** The real album's JSON pages by the address that asks for each: the first, then each asked with the last item of the one before. */
import { albumJsonUrl } from '../../utils/batch/listing';

export const BIZ = 'Mzg4NTc2OTYxMQ==';
export const ALBUM = { id: '3329839945947119618', biz: BIZ };

export const CHAIN: Record<string, string> = {
  [albumJsonUrl(ALBUM)]: 'first-page',
  [albumJsonUrl(ALBUM, { msgid: '2247484534', itemidx: '1' })]: '2247484420',
  [albumJsonUrl(ALBUM, { msgid: '2247484420', itemidx: '1' })]: '2247484310',
  [albumJsonUrl(ALBUM, { msgid: '2247484310', itemidx: '1' })]: '2247484179',
  [albumJsonUrl(ALBUM, { msgid: '2247484179', itemidx: '1' })]: '2247484063',
  [albumJsonUrl(ALBUM, { msgid: '2247484063', itemidx: '1' })]: '2247483853',
};
