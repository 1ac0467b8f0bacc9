/**
 * "关注合集 / Follow album" (or "取消关注 / Unfollow") in the toolbar's menu, for each album the page
 * names: on an article of the album and on the album page. The label follows the stored list, so a
 * change made in the popup shows here too.
 */
import type { Toolbar } from '../ui/toolbar';
import { t } from '../ui/i18n';
import type { AlbumRef } from '../batch/album-info';
import { follow, loadFollowed, unfollow, watchFollowed, type FollowedAlbum } from './follows';

export function addFollowItems(toolbar: Toolbar, albums: readonly AlbumRef[]): void {
  if (albums.length === 0) return;
  let followed = new Set<string>();
  const items = albums.map((album) => {
    const item = toolbar.addItem({
      id: `album-follow-${album.id}`,
      label: t('followAlbum', album.title),
      onSelect: async () => {
        if (followed.has(album.id)) {
          await unfollow(album.id);
          toolbar.setStatus(t('followRemoved', album.title), 'ok');
        } else if (await follow(album)) toolbar.setStatus(t('followAdded', album.title), 'ok');
        else toolbar.setStatus(t('followFull'), 'error');
      },
    });
    return { album, item };
  });
  const show = (list: readonly FollowedAlbum[]) => {
    followed = new Set(list.map((a) => a.id));
    for (const { album, item } of items) item.setLabel(t(followed.has(album.id) ? 'unfollowAlbum' : 'followAlbum', album.title));
  };
  void loadFollowed().then(show);
  watchFollowed(show);
}
