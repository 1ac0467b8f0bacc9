import { startBatchPage } from '../../utils/batch/batch-page';

void startBatchPage(document);
