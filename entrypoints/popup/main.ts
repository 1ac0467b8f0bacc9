import { mountFollowList } from '../../utils/ui/follow-list';
import { startPopup } from '../../utils/ui/popup';

startPopup(document);
mountFollowList(document, document.body);
