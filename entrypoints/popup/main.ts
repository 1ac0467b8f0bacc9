import { mountFollowList } from '../../utils/ui/follow-list';
import '../../utils/ui/theme.css';
import { startPopup } from '../../utils/ui/popup';

startPopup(document);
mountFollowList(document, document.body);
