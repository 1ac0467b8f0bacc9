import '../../utils/ui/theme.css';
import { startWelcome } from '../../utils/ui/options-welcome';

startWelcome(document);
