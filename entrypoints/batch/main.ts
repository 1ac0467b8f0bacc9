import '../../utils/ui/theme.css';
import { startBatchPage } from '../../utils/batch/batch-page';

void startBatchPage(document);
