import '../../utils/ui/theme.css';
import { startPopup } from '../../utils/ui/popup';

startPopup(document);
