import { startPopup } from '../../utils/ui/popup';

startPopup(document);
