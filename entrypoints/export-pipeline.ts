import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pipeline } from '../utils/pipeline/lazy';

// Built as an ES module (wxt.config.ts): its default export is what main returns.
export default defineUnlistedScript({ globalName: false, main: () => pipeline });
