import '../../utils/ui/theme.css';
import { localizePage } from '../../utils/ui/i18n';
import { startHighlightsPage } from '../../utils/ui/highlights-page';

localizePage(document);
startHighlightsPage(document);
